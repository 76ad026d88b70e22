import { parseOptions, USAGE, wantsHelp } from '../src/harness/options';

describe('the bench command line', () => {
  it('reads every option it names in its usage', () => {
    const options = parseOptions(['--scenarios', 'hello,seed', '--paired-impls', 'deft,fastify', '--paired-processes', '6', '--warmup', '2', '--startup-runs', '3', '--skip', 'throughput,memory', '--profile', '--label', 'x']);
    expect(options.scenarios).toEqual(['hello', 'seed']);
    expect(options.pairedImplementations).toEqual(['deft', 'fastify']);
    expect([options.pairedProcesses, options.warmupSeconds, options.startupRuns]).toEqual([6, 2, 3]);
    expect([...options.skip]).toEqual(['throughput', 'memory']);
    expect([options.profile, options.label]).toEqual([true, 'x']);
    for (const name of USAGE.match(/--[a-z-]+/g) ?? []) {
      if (name === '--help') continue;
      expect(() => parseOptions([name, '1'])).not.toThrow();
    }
  });

  it('refuses an option it does not know, so a misspelt one does not start a full run', () => {
    expect(() => parseOptions(['--scenario', 'hello'])).toThrow(/unknown option --scenario/);
  });

  it('refuses a count that is not a positive number', () => {
    expect(() => parseOptions(['--paired-processes', 'six'])).toThrow(/--paired-processes needs a positive number, not six/);
    expect(() => parseOptions(['--rounds', '0'])).toThrow(/--rounds needs a positive number/);
  });

  it('takes --help and -h for the usage', () => {
    expect([wantsHelp(['--help']), wantsHelp(['--quick', '-h']), wantsHelp(['--quick'])]).toEqual([true, true, false]);
  });
});
