/** Task-pane entry: waits for Office, then renders the pane against the Office.js host. */
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import App from './App';

Office.onReady(() => {
  const container = document.getElementById('container');
  if (container) createRoot(container).render(<App host={createOfficeHost()} />);
});
