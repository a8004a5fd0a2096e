// Entry of the dev dock (dev-dock/index.html): the simulator's controls, simulator mode only.
import './components/dev-dock.ts';
