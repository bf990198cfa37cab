/** Entry point: registers every component (imports have side effects) and loads the data. */
import './components/app-shell.ts';
import { store } from './store.ts';

void store.init();
