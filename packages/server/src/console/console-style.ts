/** The console's stylesheet. */
export const CONSOLE_STYLE = String.raw`:root { --line: #d8dde3; --accent: #0b5cad; --muted: #5d6b79; --danger: #b42318; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
body { margin: 0; color: #1d2733; background: #f7f9fb; }
header { display: flex; justify-content: space-between; align-items: center; padding: 0.6rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.15rem; margin: 0; }
main { padding: 0.8rem 1.2rem; }
.bar { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin-bottom: 0.6rem; }
.filters label { font-size: 0.85rem; color: var(--muted); }
input, select, button { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
#search { flex: 1; min-width: 16rem; font-size: 1rem; }
button { cursor: pointer; color: var(--accent); }
button:disabled { opacity: 0.5; }
#message { margin: 0.6rem 1.2rem; padding: 0.5rem 0.8rem; background: #fdecea; color: var(--danger); border-radius: 4px; }
#result-count { color: var(--muted); min-width: 8rem; }
#column-chooser { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; padding: 0.5rem; background: #fff; border: 1px solid var(--line); margin-bottom: 0.6rem; }
#column-chooser[hidden], #audit-report[hidden], [hidden] { display: none !important; }
table { border-collapse: collapse; background: #fff; }
#results { width: 100%; }
th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); font-size: 0.9rem; vertical-align: top; }
#results tbody tr { cursor: pointer; }
#results tbody tr:hover, #results tbody tr:focus { background: #eef4fb; outline: none; }
.fields th { color: var(--muted); font-weight: normal; width: 12rem; }
.raw td { font-family: ui-monospace, Menlo, Consolas, monospace; }
#audit-report { background: #fff; border: 1px solid var(--line); padding: 0.6rem; margin-bottom: 0.6rem; }
.dialog { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.3); display: flex; align-items: center; justify-content: center; }
.dialog form { background: #fff; padding: 1.2rem; border-radius: 6px; display: grid; gap: 0.6rem; }
#more { margin-top: 0.6rem; }
#audit-frame { width: 100%; height: 70vh; border: 1px solid var(--line); margin-top: 0.6rem; }
`;
