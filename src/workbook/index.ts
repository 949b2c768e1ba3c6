/**
 * The workbook reader (./read.ts) with fflate's streaming inflate, for a host without a native
 * one: the task pane, and anything else that imports `src/workbook`. The command line imports
 * ./read.ts instead and supplies Node's zlib (src/cli/workbook.ts): fflate is then never loaded,
 * which was 10–12 ms of CPU at every start of the command.
 */
import { Inflate } from 'fflate';
import { useStreamInflater } from './zip';

useStreamInflater((ondata) => new Inflate(ondata));

export * from './read';
