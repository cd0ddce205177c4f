// How far one question about the project may go: module hops, nested calls, modules read per linted file.

/** How many steps (module hops, and values followed within a module) a question may take. */
export const MAX_DEPTH = 12;
/** How many of the project's own calls deep a client call is looked for (a method calling a method…). */
export const NESTED_CALLS = 3;
/** How many modules one linted file may make us read (a bound on the cost of one lint). */
export const MAX_MODULES_PER_FILE = 60;
