import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** The least a Vite React page does: the yardstick for the app's start (test/bench/start-vs-blank.ts). */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main id="blank-ready">空白页</main>
  </StrictMode>,
);
