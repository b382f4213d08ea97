/** The explorer page's entry point: everything is in ./explore/ (main.ts wires it together). */
import './explore/main.js';
