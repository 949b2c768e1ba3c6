/**
 * Task-pane entry: waits for Office, then renders the pane against the Office.js host. Without
 * office.js, or outside Excel, the page says so in one sentence instead of staying blank.
 */
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import App from './App';
import { boot, bootMessage, type OfficeLike } from './boot';

const container = document.getElementById('container');
const office = typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeLike);

void boot(
  office,
  () => {
    if (container) createRoot(container).render(<App host={createOfficeHost()} />);
  },
  (problem) => {
    if (!container) return;
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.setAttribute('data-boot-problem', problem);
    p.style.cssText =
      'margin:16px;font:14px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:#242424';
    p.textContent = bootMessage(problem, navigator.language);
    container.replaceChildren(p);
  },
);
