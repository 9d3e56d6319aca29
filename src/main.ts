// The entry point (npm start, the Dockerfile). V8's heap settings first, then the server, imported
// dynamically: static imports are all loaded and compiled before any module runs, which would
// grow the heap before the settings apply.
import './heap-growth.js';
import './young-generation.js';

await import('./server.js');
