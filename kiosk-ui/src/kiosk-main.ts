// Entry of the agent's kiosk screen (index.html).
import './components/kiosk-app.ts';

// A long press on a touch screen would open the context menu; a kiosk has no use for it.
window.addEventListener('contextmenu', (event) => event.preventDefault());
