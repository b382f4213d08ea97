/**
 * The Dockerfile parser the deployment tests rely on, on the constructs they read.
 */
import { describe, expect, it } from 'vitest';
import { command, healthcheck, pairs, parseDockerfile, splitWords, substitute } from './dockerfile.js';

describe('Dockerfile parser', () => {
  it('reads parser directives only at the very top', () => {
    const f = parseDockerfile('# syntax=docker/dockerfile:1\n# escape=\\\n# unknown=x\n# check=skip\nFROM a\n');
    expect(f.directives).toEqual({ syntax: 'docker/dockerfile:1', escape: '\\' });
    const g = parseDockerfile('FROM a\n# syntax=docker/dockerfile:1\n');
    expect(g.directives).toEqual({});
  });

  it('joins continuation lines, drops comments inside them and keeps line numbers', () => {
    const f = parseDockerfile('FROM a AS one\n\n# a comment\nRUN apt-get update \\\n# inside\n && apt-get install -y x \\\n    y\nUSER 1000\n');
    const [from, run, user] = f.instructions;
    expect(from).toMatchObject({ keyword: 'FROM', rest: 'a AS one', line: 1 });
    expect(run!.keyword).toBe('RUN');
    expect(run!.rest.replace(/\s+/g, ' ')).toBe('apt-get update && apt-get install -y x y');
    expect(run!.line).toBe(4);
    expect(user).toMatchObject({ keyword: 'USER', rest: '1000', line: 8 });
  });

  it('honours the escape directive', () => {
    const f = parseDockerfile('# escape=`\nFROM a\nRUN dir `\n  c:\\\\\n');
    expect(f.instructions[1]!.rest.replace(/\s+/g, ' ')).toBe('dir c:\\\\');
  });

  it('reads flags, exec and shell forms', () => {
    const f = parseDockerfile('FROM a AS b\nCOPY --from=b --chown=1:1 --link /x /y\nCMD ["node", "x.js"]\nCMD node x.js\n');
    const [, copy, exec, shell] = f.instructions;
    expect(copy!.flags).toEqual({ from: 'b', chown: '1:1', link: 'true' });
    expect(copy!.rest).toBe('/x /y');
    expect(command(exec!.rest)).toEqual({ form: 'exec', args: ['node', 'x.js'] });
    expect(command(shell!.rest)).toEqual({ form: 'shell', args: ['node x.js'] });
    expect(command('[not json')).toEqual({ form: 'shell', args: ['[not json'] });
  });

  it('reads heredocs, quoted or not, and <<- that strips tabs', () => {
    const f = parseDockerfile("FROM a\nCOPY --chmod=0755 <<'EOF' /bin/x\n#!/bin/sh\necho \"$@\"\nEOF\nRUN <<-END\n\techo hi\n\tEND\nUSER 1\n");
    const [, copy, run, user] = f.instructions;
    expect(copy!.heredocs).toEqual([{ name: 'EOF', content: '#!/bin/sh\necho "$@"\n', quoted: true }]);
    expect(copy!.rest).toBe("<<'EOF' /bin/x");
    expect(run!.heredocs).toEqual([{ name: 'END', content: 'echo hi\n', quoted: false }]);
    expect(user!.keyword).toBe('USER');
    expect(() => parseDockerfile('FROM a\nRUN <<EOF\necho\n')).toThrow(/heredoc EOF is not closed/);
  });

  it('splits stages and resolves global ARGs in FROM', () => {
    const f = parseDockerfile('ARG V=20.1.0\nARG TAG\nFROM node:${V}-slim AS Build\nRUN x\nFROM node:$V-slim\nFROM scratch AS out\n');
    expect(f.globalArgs).toEqual({ V: '20.1.0', TAG: undefined });
    expect(f.stages.map((s) => [s.name, s.base, s.instructions.length])).toEqual([
      ['build', 'node:20.1.0-slim', 1],
      [undefined, 'node:20.1.0-slim', 0],
      ['out', 'scratch', 0],
    ]);
    expect(() => parseDockerfile('RUN x\nFROM a\n')).toThrow(/only ARG may come before the first FROM/);
  });

  it('reads HEALTHCHECK options and command', () => {
    const f = parseDockerfile('FROM a\nHEALTHCHECK --interval=5s --retries=3 \\\n  CMD ["node", "-e", "1"]\nHEALTHCHECK NONE\n');
    expect(healthcheck(f.instructions[1]!)).toEqual({ none: false, options: { interval: '5s', retries: '3' }, cmd: { form: 'exec', args: ['node', '-e', '1'] } });
    expect(healthcheck(f.instructions[2]!)).toEqual({ none: true });
  });

  it('reads ENV, LABEL and ARG pairs, quoted or legacy', () => {
    expect(pairs('NODE_ENV=production A="two words" B=x\\ y')).toEqual({ NODE_ENV: 'production', A: 'two words', B: 'x y' });
    expect(pairs('NODE_ENV production')).toEqual({ NODE_ENV: 'production' });
    expect(pairs('NAME')).toEqual({ NAME: undefined });
    expect(pairs('org.opencontainers.image.title="x y"')).toEqual({ 'org.opencontainers.image.title': 'x y' });
    expect(splitWords(`a 'b c' "d \\"e\\""`)).toEqual(['a', 'b c', 'd "e"']);
    expect(() => splitWords('"open')).toThrow(/unclosed quote/);
  });

  it('substitutes variables like the builder', () => {
    expect(substitute('${A:-x}/${B:+y}/$A', { A: '1', B: '' })).toBe('1//1');
    expect(substitute('${C:-dflt}', {})).toBe('dflt');
    expect(() => substitute('$C', {})).toThrow(/\$C has no value/);
  });
});
