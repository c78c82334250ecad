import { Command } from 'commander';
import type { Runtime } from './runtime.js';
export function makeTimelineCommand(_rt: Runtime): Command {
  return new Command('timeline').description('coverage over time');
}
