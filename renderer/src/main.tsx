import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>目标台账</p>);
