// Entry of the technician page (technician/index.html).
import './components/technician-page.ts';
