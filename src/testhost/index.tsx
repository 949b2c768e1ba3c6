/**
 * The browser test page: the same task pane as in Excel, on the in-memory host (sample ledger).
 * window.zgtz exposes the workbook so a browser test can check what the pane did to it.
 */
import { createRoot } from 'react-dom/client';
import App from '../taskpane/App';
import { createMemoryHost } from './memoryHost';

const host = createMemoryHost();
// ?office=en-US: Office's display language for this page (the browser test runs both languages).
const office = new URLSearchParams(window.location.search).get('office');
if (office) host.workbook.displayLanguage = office;
const sheetState = () =>
  host.workbook.sheets.map((s) => ({
    name: s.name,
    rules: s.rules.map((r) => ({ formula: r.formula, fill: r.fill, areas: r.areas.length })),
    cells: s.cells.size,
  }));
(window as unknown as { zgtz: unknown }).zgtz = { host, workbook: host.workbook, sheetState };

const state = document.getElementById('state');
if (state)
  setInterval(
    () =>
      (state.textContent = JSON.stringify(
        { selected: host.workbook.selected, sheets: sheetState() },
        null,
        1,
      )),
    500,
  );

const container = document.getElementById('container');
if (container) createRoot(container).render(<App host={host} />);
