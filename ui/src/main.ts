/** Entry point: registers every component (imports have side effects) and loads the data once signed in. */
import './components/app-shell.ts';
import { session } from './session.ts';
import { store } from './store.ts';

let loaded = false;
session.addEventListener('change', () => {
  if (session.ready && !loaded) {
    loaded = true;
    void store.init();
  }
});
session.load().catch(() => {
  // A server without /api/auth/session (or unreachable): behave as the single-user UI always did.
  session.mode = 'open';
  session.dispatchEvent(new Event('change'));
});
