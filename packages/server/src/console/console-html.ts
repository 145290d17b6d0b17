/** The console page; its script and style are same-origin files (the CSP allows nothing else). */
export const CONSOLE_HTML = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>custcode</title>
<link rel="stylesheet" href="/console/app.css">
<script src="/console/app.js" defer></script>
</head>
<body>
<header>
  <h1>custcode · <span data-i18n="title"></span></h1>
  <button type="button" id="lang-toggle" data-i18n="language"></button>
</header>
<p id="message" role="alert" hidden></p>
<div id="key-dialog" class="dialog" hidden>
  <form id="key-form">
    <p data-i18n="keyHint"></p>
    <label><span data-i18n="key"></span> <input id="api-key" type="password" autocomplete="off"></label>
    <button type="submit" id="key-save" data-i18n="save"></button>
  </form>
</div>
<main>
  <section id="list-page">
    <div class="bar">
      <label><span data-i18n="source"></span> <select id="source"></select></label>
      <label><span data-i18n="view"></span> <select id="view"><option value="" data-i18n="none"></option></select></label>
      <input id="search" type="search" data-i18n-placeholder="search" autocomplete="off">
    </div>
    <div class="bar filters">
      <label><span data-i18n="category"></span> <input id="filter-category" size="8"></label>
      <label><span data-i18n="region"></span> <input id="filter-region" size="8"></label>
      <label><span data-i18n="status"></span>
        <select id="filter-status"><option value=""></option><option value="active"></option><option value="blocked"></option><option value="deleted"></option></select></label>
      <label><span data-i18n="org"></span> <input id="filter-org" size="10"></label>
      <label><span data-i18n="createdFrom"></span> <input id="filter-createdFrom" type="date"></label>
      <label><span data-i18n="createdTo"></span> <input id="filter-createdTo" type="date"></label>
      <label><span data-i18n="updatedSince"></span> <input id="filter-updatedSince" type="date"></label>
      <button type="button" id="clear-filters" data-i18n="clear"></button>
    </div>
    <div class="bar">
      <span id="result-count"></span>
      <button type="button" id="columns" data-i18n="columns"></button>
      <select id="export-format"><option value="csv">CSV</option><option value="xlsx">XLSX</option><option value="ndjson">NDJSON</option></select>
      <button type="button" id="export" data-i18n="export"></button>
      <button type="button" id="audit" data-i18n="audit"></button>
    </div>
    <div id="column-chooser" hidden></div>
    <div id="audit-report" hidden></div>
    <table id="results"><thead id="results-head"></thead><tbody id="results-body"></tbody></table>
    <button type="button" id="more" data-i18n="more" hidden></button>
  </section>
  <section id="detail-page" hidden>
    <button type="button" id="back" data-i18n="back"></button>
    <h2 id="detail-title"></h2>
    <table class="fields"><tbody id="detail-fields"></tbody></table>
    <h3 data-i18n="raw"></h3>
    <table class="fields raw"><tbody id="detail-raw"></tbody></table>
  </section>
</main>
</body>
</html>
`;
