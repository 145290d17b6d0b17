/** The console's script: plain JavaScript, no dependencies, talking only to this server's API. */
export const CONSOLE_SCRIPT = String.raw`'use strict';
(function () {
  var FIELDS = ['code', 'name', 'shortName', 'taxId', 'phone', 'contact', 'address', 'category', 'region', 'status', 'createdAt', 'updatedAt', 'org', 'source', 'erp'];
  var DEFAULT_COLUMNS = ['code', 'name', 'shortName', 'phone', 'region', 'status', 'org'];
  var PAGE = 50;
  var TEXT = {
    zh: {
      title: '客户编号查询', source: '数据源', search: '搜索（编号、名称、拼音首字母）', category: '分类', region: '地区', status: '状态', org: '组织',
      createdFrom: '创建自', createdTo: '创建至', updatedSince: '修改自', any: '全部', active: '正常', blocked: '冻结', deleted: '删除',
      view: '保存的视图', none: '（无）', columns: '显示列', more: '加载更多', export: '导出', audit: '数据质量审计', back: '返回',
      results: '条结果', noResults: '没有匹配的客户', raw: 'ERP 原始字段', field: '字段', value: '值', key: 'API 密钥', keyHint: '此服务需要 API 密钥。',
      save: '确定', loading: '加载中…', maskedText: '（您的角色屏蔽了名称或简称，搜索只匹配：', maskedTextEnd: '）', records: '记录数', findings: '问题', fullReport: '完整报告（图表和明细）', language: 'English', clear: '清除筛选',
      labels: { code: '客户编号', name: '客户名称', shortName: '简称', taxId: '税号', phone: '电话', contact: '联系人', address: '地址', category: '分类', region: '地区', status: '状态', createdAt: '创建时间', updatedAt: '修改时间', org: '组织', source: '数据源', erp: 'ERP' },
      kinds: { duplicates: '重复编号', missing: '缺少编号', gaps: '流水号断号', formatViolations: '格式不符', garbled: '乱码', invalidTaxIds: '税号无效', nearDuplicates: '疑似重复客户' }
    },
    en: {
      title: 'Customer numbers', source: 'Source', search: 'Search (code, name, pinyin initials)', category: 'Category', region: 'Region', status: 'Status', org: 'Org',
      createdFrom: 'Created from', createdTo: 'Created to', updatedSince: 'Updated since', any: 'Any', active: 'Active', blocked: 'Blocked', deleted: 'Deleted',
      view: 'Saved view', none: '(none)', columns: 'Columns', more: 'Load more', export: 'Export', audit: 'Data-quality audit', back: 'Back',
      results: 'results', noResults: 'No customers match', raw: 'ERP columns (raw)', field: 'Field', value: 'Value', key: 'API key', keyHint: 'This server needs an API key.',
      save: 'OK', loading: 'Loading…', maskedText: ' (masked for your role: the search matched only ', maskedTextEnd: ')', records: 'Records', findings: 'Findings', fullReport: 'Full report (charts and findings)', language: '中文', clear: 'Clear filters',
      labels: { code: 'Code', name: 'Name', shortName: 'Short name', taxId: 'Tax id', phone: 'Phone', contact: 'Contact', address: 'Address', category: 'Category', region: 'Region', status: 'Status', createdAt: 'Created', updatedAt: 'Updated', org: 'Org', source: 'Source', erp: 'ERP' },
      kinds: { duplicates: 'Duplicate codes', missing: 'Missing codes', gaps: 'Serial gaps', formatViolations: 'Format violations', garbled: 'Garbled text', invalidTaxIds: 'Invalid tax ids', nearDuplicates: 'Near-duplicates' }
    }
  };
  var FILTERS = ['category', 'region', 'status', 'org', 'createdFrom', 'createdTo', 'updatedSince'];

  var state = { lang: 'zh', sources: [], views: {}, columns: DEFAULT_COLUMNS.slice(), items: [], cursor: undefined, generation: 0, total: undefined };
  var $ = function (id) { return document.getElementById(id); };

  function stored(key, fallback) {
    try { var value = localStorage.getItem(key); return value === null ? fallback : JSON.parse(value); } catch (error) { return fallback; }
  }
  function store(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* private mode */ } }
  function t(key) { return TEXT[state.lang][key]; }
  function label(field) { return TEXT[state.lang].labels[field] || field; }
  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else if (name === 'className') node.className = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function apiKey() { try { return sessionStorage.getItem('custcode.apiKey') || ''; } catch (error) { return ''; } }
  function request(path, options) {
    options = options || {};
    var headers = options.headers || {};
    var key = apiKey();
    if (key) headers.authorization = 'Bearer ' + key;
    return fetch(path, { method: options.method || 'GET', headers: headers, body: options.body }).then(function (response) {
      if (response.status === 401) { showKeyDialog(); throw new Error(t('keyHint')); }
      if (!response.ok) {
        return response.json().then(function (body) {
          var error = body && body.error ? body.error : { message: response.statusText };
          throw new Error(error.message + (error.hint ? ' ' + error.hint : ''));
        }, function () { throw new Error(response.status + ' ' + response.statusText); });
      }
      return response;
    });
  }
  function showMessage(text) { var box = $('message'); box.textContent = text || ''; box.hidden = !text; }
  function showKeyDialog() { $('key-dialog').hidden = false; $('api-key').focus(); }

  function applyLanguage() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = 'custcode — ' + t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (node) { node.textContent = t(node.getAttribute('data-i18n')); });
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n-placeholder]'), function (node) { node.setAttribute('placeholder', t(node.getAttribute('data-i18n-placeholder'))); });
    var status = $('filter-status');
    Array.prototype.forEach.call(status.options, function (option) { option.textContent = t(option.value || 'any'); });
    renderColumnChooser();
    renderResults();
  }

  function queryString(extra) {
    var parameters = new URLSearchParams();
    var text = $('search').value.trim();
    if (text) parameters.set('text', text);
    FILTERS.forEach(function (name) { var value = $('filter-' + name).value.trim(); if (value) parameters.set(name, value); });
    Object.keys(extra || {}).forEach(function (name) { if (extra[name] !== undefined) parameters.set(name, extra[name]); });
    return parameters.toString();
  }
  function sourceName() { return $('source').value; }
  function sourceHas(command) {
    var source = state.sources.filter(function (item) { return item.name === sourceName(); })[0];
    return Boolean(source && source.commands.indexOf(command) >= 0);
  }

  function search(append) {
    if (!sourceName()) return;
    var generation = ++state.generation;
    var extra = { limit: String(PAGE) };
    if (append && state.cursor) extra.cursor = state.cursor; else extra.count = 'true';
    $('result-count').textContent = t('loading');
    request('/sources/' + encodeURIComponent(sourceName()) + '/customers?' + queryString(extra)).then(function (response) { return response.json(); }).then(function (page) {
      if (generation !== state.generation) return;
      state.items = append ? state.items.concat(page.items) : page.items;
      state.cursor = page.nextCursor;
      if (!append) { state.total = page.total; state.textFields = page.textFields; }
      showMessage('');
      renderResults();
    }).catch(function (error) { if (generation === state.generation) { showMessage(error.message); $('result-count').textContent = ''; } });
  }
  var timer;
  function searchSoon() { clearTimeout(timer); timer = setTimeout(function () { search(false); }, 250); }

  function renderResults() {
    var head = $('results-head');
    var body = $('results-body');
    if (!head) return;
    clear(head); clear(body);
    head.appendChild(element('tr', {}, state.columns.map(function (field) { return element('th', { text: label(field), 'data-field': field }); })));
    state.items.forEach(function (customer) {
      var row = element('tr', { 'data-code': customer.code, tabindex: '0' }, state.columns.map(function (field) {
        var value = customer[field] === undefined ? '' : String(customer[field]);
        return element('td', { text: field === 'status' ? t(value) || value : value, 'data-field': field });
      }));
      var open = function () { location.hash = '#detail/' + encodeURIComponent(customer.source) + '/' + encodeURIComponent(customer.code) + (customer.org ? '?org=' + encodeURIComponent(customer.org) : ''); };
      row.addEventListener('click', open);
      row.addEventListener('keydown', function (event) { if (event.key === 'Enter') open(); });
      body.appendChild(row);
    });
    var count = state.total === undefined ? String(state.items.length) : state.items.length + ' / ' + state.total;
    var note = state.textFields ? t('maskedText') + state.textFields.map(label).join(', ') + t('maskedTextEnd') : '';
    $('result-count').textContent = (state.items.length === 0 ? t('noResults') : count + ' ' + t('results')) + note;
    $('more').hidden = !state.cursor;
  }

  function renderColumnChooser() {
    var chooser = $('column-chooser');
    clear(chooser);
    FIELDS.forEach(function (field) {
      var box = element('input', { type: 'checkbox', 'data-field': field, id: 'column-' + field });
      box.checked = state.columns.indexOf(field) >= 0;
      box.addEventListener('change', function () {
        state.columns = FIELDS.filter(function (name) { var input = $('column-' + name); return input && input.checked; });
        if (state.columns.length === 0) state.columns = ['code'];
        store('custcode.columns', state.columns);
        renderResults();
      });
      chooser.appendChild(element('label', {}, [box, document.createTextNode(' ' + label(field))]));
    });
  }

  function showDetail(source, code, org) {
    $('list-page').hidden = true;
    $('detail-page').hidden = false;
    var fields = $('detail-fields');
    var raw = $('detail-raw');
    clear(fields); clear(raw);
    $('detail-title').textContent = code;
    request('/sources/' + encodeURIComponent(source) + '/customers/' + encodeURIComponent(code) + (org ? '?org=' + encodeURIComponent(org) : '')).then(function (response) { return response.json(); }).then(function (customer) {
      $('detail-title').textContent = customer.code + ' — ' + customer.name;
      FIELDS.forEach(function (field) {
        if (customer[field] === undefined) return;
        var shown = field === 'status' ? t(customer.status) || customer.status : String(customer[field]);
        fields.appendChild(element('tr', { 'data-field': field }, [element('th', { text: label(field) }), element('td', { text: shown })]));
      });
      Object.keys(customer.raw || {}).forEach(function (column) {
        var value = customer.raw[column];
        raw.appendChild(element('tr', { 'data-column': column }, [element('th', { text: column }), element('td', { text: value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value) })]));
      });
    }).catch(function (error) { showMessage(error.message); });
  }
  function showList() { $('detail-page').hidden = true; $('list-page').hidden = false; }
  function route() {
    var match = /^#detail\/([^/]+)\/([^?]+)(?:\?org=(.*))?$/.exec(location.hash);
    if (match) showDetail(decodeURIComponent(match[1]), decodeURIComponent(match[2]), match[3] ? decodeURIComponent(match[3]) : '');
    else showList();
  }

  function exportFile() {
    var format = $('export-format').value;
    var name = sourceName();
    var url = '/sources/' + encodeURIComponent(name) + '/export?' + queryString({ format: format, headers: state.lang === 'zh' ? 'zh' : 'en' });
    // Without a key the browser downloads the stream straight to disk; with one it must go through fetch.
    if (!apiKey()) {
      var direct = element('a', { href: url, download: name + '.' + format });
      document.body.appendChild(direct);
      direct.click();
      direct.remove();
      return;
    }
    $('export').disabled = true;
    request(url).then(function (response) { return response.blob(); }).then(function (blob) {
      var link = element('a', { href: URL.createObjectURL(blob), download: name + '.' + format });
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }).catch(function (error) { showMessage(error.message); }).then(function () { $('export').disabled = false; });
  }

  function runAudit() {
    var box = $('audit-report');
    box.hidden = false;
    clear(box);
    box.appendChild(element('p', { text: t('loading') }));
    request('/sources/' + encodeURIComponent(sourceName()) + '/audit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(function (response) { return response.json(); }).then(function (report) {
      clear(box);
      var rows = [element('tr', {}, [element('th', { text: t('records') }), element('td', { text: String(report.total), 'data-kind': 'total' })])];
      Object.keys(TEXT[state.lang].kinds).forEach(function (kind) {
        rows.push(element('tr', {}, [element('th', { text: TEXT[state.lang].kinds[kind] }), element('td', { text: String(report.summary[kind]), 'data-kind': kind })]));
      });
      box.appendChild(element('h2', { text: t('audit') + ' — ' + report.source }));
      box.appendChild(element('table', { className: 'fields' }, [element('tbody', {}, rows)]));
      var full = element('button', { type: 'button', id: 'audit-full', text: t('fullReport') });
      full.addEventListener('click', function () { showFullAudit(box, full); });
      box.appendChild(full);
    }).catch(function (error) { clear(box); showMessage(error.message); });
  }

  // The complete report (inline SVG charts, searchable finding tables) is the audit's own self-contained
  // HTML, shown in a sandboxed frame: its script runs, but it cannot reach this page or the API key.
  function showFullAudit(box, button) {
    button.disabled = true;
    request('/sources/' + encodeURIComponent(sourceName()) + '/audit?format=html', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(function (response) { return response.text(); }).then(function (html) {
      var frame = element('iframe', { id: 'audit-frame', title: t('audit'), sandbox: 'allow-scripts' });
      frame.srcdoc = html;
      box.appendChild(frame);
      button.hidden = true;
    }).catch(function (error) { showMessage(error.message); button.disabled = false; });
  }

  function applyView(name) {
    var view = state.views[name];
    if (!view) return;
    $('source').value = view.source;
    $('search').value = view.text || '';
    FILTERS.forEach(function (filter) { var value = view[filter]; $('filter-' + filter).value = value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value); });
    if (Array.isArray(view.fields) || typeof view.fields === 'string') {
      var fields = Array.isArray(view.fields) ? view.fields : view.fields.split(',');
      state.columns = fields.map(function (field) { return field.trim(); }).filter(function (field) { return FIELDS.indexOf(field) >= 0; });
      renderColumnChooser();
    }
    updateActions();
    search(false);
  }

  function updateActions() {
    $('export').hidden = !sourceHas('export');
    $('export-format').hidden = !sourceHas('export');
    $('audit').hidden = !sourceHas('audit');
    $('audit-report').hidden = true;
  }

  function load() {
    request('/sources').then(function (response) { return response.json(); }).then(function (body) {
      state.sources = body.sources;
      var select = $('source');
      clear(select);
      body.sources.forEach(function (source) { select.appendChild(element('option', { value: source.name, text: source.name + ' — ' + (source.label || source.erp) })); });
      var last = stored('custcode.source', '');
      if (body.sources.some(function (source) { return source.name === last; })) select.value = last;
      updateActions();
      route();
      search(false);
      return request('/views').then(function (response) { return response.json(); });
    }).then(function (body) {
      state.views = body.views || {};
      var select = $('view');
      Array.prototype.slice.call(select.options, 1).forEach(function (option) { option.remove(); });
      Object.keys(state.views).forEach(function (name) { select.appendChild(element('option', { value: name, text: name })); });
    }).catch(function (error) { showMessage(error.message); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    state.lang = stored('custcode.lang', (navigator.language || '').toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en');
    var columns = stored('custcode.columns', null);
    if (Array.isArray(columns) && columns.length > 0) state.columns = columns.filter(function (field) { return FIELDS.indexOf(field) >= 0; });
    applyLanguage();
    $('lang-toggle').addEventListener('click', function () { state.lang = state.lang === 'zh' ? 'en' : 'zh'; store('custcode.lang', state.lang); applyLanguage(); });
    $('search').addEventListener('input', searchSoon);
    FILTERS.forEach(function (name) { $('filter-' + name).addEventListener('change', function () { search(false); }); });
    $('source').addEventListener('change', function () { store('custcode.source', sourceName()); updateActions(); search(false); });
    $('view').addEventListener('change', function () { applyView($('view').value); });
    $('clear-filters').addEventListener('click', function () { $('search').value = ''; FILTERS.forEach(function (name) { $('filter-' + name).value = ''; }); $('view').value = ''; search(false); });
    $('columns').addEventListener('click', function () { $('column-chooser').hidden = !$('column-chooser').hidden; });
    $('more').addEventListener('click', function () { search(true); });
    $('export').addEventListener('click', exportFile);
    $('audit').addEventListener('click', runAudit);
    $('back').addEventListener('click', function () { location.hash = ''; });
    $('key-form').addEventListener('submit', function (event) {
      event.preventDefault();
      try { sessionStorage.setItem('custcode.apiKey', $('api-key').value.trim()); } catch (error) { /* ignore */ }
      $('key-dialog').hidden = true;
      load();
    });
    window.addEventListener('hashchange', route);
    load();
  });
})();
`;
