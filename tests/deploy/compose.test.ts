/**
 * docker-compose.yml: Neo4j 5 with its data on volumes, the one-shot graph-init, the API and
 * the proxy in front of it, their health checks, start order, restart policies, and no secret.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { projectPath } from '../../src/paths.js';
import { dependsOn, environment, interpolate, parsePort, readCompose, references, tokenize, type Service } from './compose.js';
import { readEnvExample } from './files.js';
import { productionSettings } from '../neo4j/settings.js';

const compose = readCompose(projectPath('docker-compose.yml'));
const { services } = compose;
const env = readEnvExample();
/** What `cp .env.example .env` and a password give. */
const vars = { ...Object.fromEntries(env.set), NEO4J_PASSWORD: 'a-test-password' };
const longRunning = Object.entries(services).filter(([, s]) => s.restart !== 'no').map(([name]) => name);
const healthTest = (s: Service) => (Array.isArray(s.healthcheck?.test) ? s.healthcheck!.test : ['CMD-SHELL', s.healthcheck?.test ?? '']);
const DURATION = /^(\d+(ms|s|m|h))+$/;
const apiPort = String(loadConfig({}).port);

describe('docker-compose.yml', () => {
  it('is a Compose v2 file: no version key, a project name, the four services', () => {
    expect(compose).not.toHaveProperty('version');
    expect(compose.name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    expect(Object.keys(services).sort()).toEqual(['api', 'graph-init', 'neo4j', 'proxy']);
    expect(Object.keys(compose).filter((k) => !k.startsWith('x-')).sort()).toEqual(['configs', 'name', 'networks', 'services', 'volumes']);
  });

  it('interpolates with the .env.example values, and refuses to start without a password', () => {
    expect(() => references(compose)).not.toThrow();
    for (const r of references(compose)) interpolate(`\${${r.name}${r.operator}${r.word}}`, vars);
    expect(() => interpolate(environment(services.neo4j!).NEO4J_AUTH!, { ...vars, NEO4J_PASSWORD: '' })).toThrow(/NEO4J_PASSWORD/);
  });

  describe('neo4j', () => {
    const neo4j = services.neo4j!;
    const neoEnv = environment(neo4j);

    it('runs the Neo4j 5 Community image, pinned to a 5.x line', () => {
      expect(neo4j.image).toMatch(/^neo4j:5\.\d+(\.\d+)?-community$/);
      expect(neo4j.build).toBeUndefined();
    });

    it('takes the password from the environment, never from the file', () => {
      const tokens = tokenize(neoEnv.NEO4J_AUTH!);
      expect(tokens).toEqual(['neo4j/', expect.objectContaining({ name: 'NEO4J_PASSWORD', operator: ':?' })]);
    });

    it('sizes heap and page cache from the environment, with defaults', () => {
      const memory = {
        NEO4J_server_memory_heap_initial__size: 'NEO4J_HEAP_SIZE',
        NEO4J_server_memory_heap_max__size: 'NEO4J_HEAP_SIZE',
        NEO4J_server_memory_pagecache_size: 'NEO4J_PAGECACHE_SIZE',
      };
      for (const [setting, variable] of Object.entries(memory)) {
        const tokens = tokenize(neoEnv[setting]!);
        expect(tokens, setting).toEqual([expect.objectContaining({ name: variable, operator: ':-' })]);
        expect(interpolate(neoEnv[setting]!)).toMatch(/^\d+[kmg]$/i);
      }
      // Every NEO4J_ variable becomes a setting in the Neo4j image; keep to known ones (the
      // hardening ones are those of tools/neo4j-local/neo4j.conf, see tests/neo4j/hardening.test.ts).
      const hardening = [...productionSettings().keys(), 'NEO4J_server_directories_import'];
      expect(Object.keys(neoEnv).sort()).toEqual(['NEO4J_AUTH', ...Object.keys(memory), ...hardening].sort());
    });

    it('keeps data and logs on named volumes', () => {
      const mounts = Object.fromEntries((neo4j.volumes as string[]).map((v) => v.split(':').reverse()));
      expect(mounts['/data']).toBeDefined();
      expect(mounts['/logs']).toBeDefined();
      for (const volume of [mounts['/data'], mounts['/logs']]) {
        expect(volume).toMatch(/^[a-z][a-z0-9-]*$/);
        expect(compose.volumes).toHaveProperty(volume!);
      }
    });

    it('publishes Bolt and HTTP on the loopback only, unless told otherwise', () => {
      const ports = (neo4j.ports as string[]).map((p) => parsePort(interpolate(p)));
      expect(ports.map((p) => p.target).sort()).toEqual(['7474', '7687']);
      for (const p of ports) expect(p.hostIp).toBe('127.0.0.1');
    });

    it('is healthy once its HTTP port answers (wget: the image has no curl)', () => {
      const test = healthTest(neo4j).join(' ');
      expect(test).toMatch(/wget .*http:\/\/127\.0\.0\.1:7474\//);
      expect(test).not.toMatch(/curl/);
      // -O /dev/null: a bare `wget URL` would leave a file behind at every check.
      expect(test).toMatch(/-O \/dev\/null/);
    });
  });

  describe('api', () => {
    const api = services.api!;
    const apiEnv = environment(api);

    it('is built from the project Dockerfile', () => {
      expect(api.build).toMatchObject({ context: '.', dockerfile: 'Dockerfile' });
      expect(existsSync(projectPath('Dockerfile'))).toBe(true);
    });

    it('talks to the neo4j service with a routing URI and the password from the environment', () => {
      const uri = new URL(apiEnv.NEO4J_URI!);
      expect(uri.protocol).toBe('neo4j:');
      expect(uri.hostname).toBe('neo4j');
      expect(uri.port).toBe('7687');
      expect(apiEnv.NEO4J_USER).toBe('neo4j');
      expect(tokenize(apiEnv.NEO4J_PASSWORD!)).toEqual([expect.objectContaining({ name: 'NEO4J_PASSWORD', operator: ':?' })]);
      // The configuration the API will load is valid.
      const config = loadConfig(Object.fromEntries(Object.entries(apiEnv).map(([k, v]) => [k, interpolate(v, vars)])));
      expect(config.store).toMatchObject({ engine: 'neo4j', uri: 'neo4j://neo4j:7687', database: 'neo4j' });
      expect(String(config.port)).toBe(apiPort);
    });

    it('starts after Neo4j is healthy and graph-init has finished', () => {
      expect(dependsOn(api)).toEqual({ neo4j: 'service_healthy', 'graph-init': 'service_completed_successfully' });
    });

    it('checks its own health on /healthz with Node', () => {
      const [kind, ...rest] = healthTest(api);
      expect(kind).toBe('CMD');
      expect(rest.slice(0, 2)).toEqual(['node', '-e']);
      expect(rest[2]).toMatch(/\/healthz/);
    });

    it('publishes no host port, so that it scales behind the proxy', () => {
      expect(api.ports).toBeUndefined();
      expect(api.expose).toEqual([apiPort]);
    });

    it('is stateless and unprivileged: read-only file system, no capabilities', () => {
      expect(api.read_only).toBe(true);
      expect(api.cap_drop).toEqual(['ALL']);
      expect(api.security_opt).toEqual(['no-new-privileges:true']);
      expect(api.init).toBe(true);
      expect(api.stop_grace_period).toMatch(DURATION);
    });
  });

  describe('graph-init', () => {
    const init = services['graph-init']!;

    it('runs the image once: migrations, then the seeds if the database is empty', () => {
      expect(init.build).toEqual(services.api!.build);
      expect(init.command).toEqual(['graph-init']);
      expect(init.restart).toBe('no');
      expect(dependsOn(init)).toEqual({ neo4j: 'service_healthy' });
    });

    it('uses the same database settings as the API', () => {
      expect(environment(init)).toEqual(environment(services.api!));
    });
  });

  describe('proxy', () => {
    const proxy = services.proxy!;
    const conf = compose.configs?.[(proxy.configs as { source: string }[])[0]!.source]?.content ?? '';
    const nginx = interpolate(conf);

    it('publishes the API port from the environment', () => {
      const [port] = (proxy.ports as string[]).map((p) => parsePort(interpolate(p, vars)));
      expect(tokenize((proxy.ports as string[])[0]!)[0]).toMatchObject({ name: 'API_PORT', operator: ':-', word: '4000' });
      expect(nginx).toMatch(new RegExp(`^\\s*listen ${port!.target};$`, 'm'));
    });

    it('balances over every api replica, re-resolving them as they change', () => {
      expect(proxy.image).toMatch(/^nginx:1\.(3\d)(\.\d+)?-alpine$/);
      expect((proxy.configs as { target: string }[])[0]!.target).toBe('/etc/nginx/conf.d/default.conf');
      expect(nginx).toMatch(/^\s*resolver 127\.0\.0\.11\b/m);
      expect(nginx).toMatch(new RegExp(`^\\s*server api:${apiPort} resolve;$`, 'm'));
      expect(nginx).toMatch(/^\s*zone api \d+k;$/m);
      expect(nginx).toMatch(/^\s*proxy_pass http:\/\/api;$/m);
      // Compose turned $$host into nginx's $host.
      expect(nginx).toMatch(/proxy_set_header Host \$host;/);
      expect(dependsOn(proxy)).toEqual({ api: 'service_started' });
    });

    it('answers its own health check', () => {
      const path = /http:\/\/127\.0\.0\.1:\d+(\/[a-z-]+)/.exec(healthTest(proxy).join(' '))?.[1];
      expect(nginx).toMatch(new RegExp(`location = ${path} \\{`));
    });

    it('names the client to the API by the address it connected from, replacing what the client sent', () => {
      expect(nginx).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;$/m);
      // Appending ($proxy_add_x_forwarded_for) would keep a client's own X-Forwarded-For.
      expect(nginx).not.toMatch(/proxy_add_x_forwarded_for/);
    });
  });

  describe('networks: the API believes X-Forwarded-For from the proxy\'s network alone', () => {
    const networksOf = (s: Service) => (s.networks as string[] | undefined) ?? ['default'];
    const edge = (compose as unknown as { networks: Record<string, { ipam?: { config?: { subnet: string }[] } }> }).networks.edge!;
    const subnet = interpolate(edge.ipam!.config![0]!.subnet, vars);

    it('puts only the proxy and the API on the edge network, and the API on the database\'s', () => {
      const onEdge = Object.entries(services).filter(([, s]) => networksOf(s).includes('edge')).map(([name]) => name).sort();
      expect(onEdge).toEqual(['api', 'proxy']);
      expect(networksOf(services.proxy!)).toEqual(['edge']);
      for (const name of ['neo4j', 'graph-init', 'api']) expect(networksOf(services[name]!), name).toContain('backend');
    });

    it('trusts that subnet only, from EDGE_SUBNET', () => {
      expect(subnet).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
      const env = Object.fromEntries(Object.entries(environment(services.api!)).map(([k, v]) => [k, interpolate(v, vars)]));
      expect(env.TRUST_PROXY).toBe(subnet);
      expect(loadConfig(env).http.trustProxy).toEqual([subnet]);
      expect(tokenize(edge.ipam!.config![0]!.subnet)[0]).toMatchObject({ name: 'EDGE_SUBNET', operator: ':-' });
    });
  });

  it('restarts every long-running service and health-checks it', () => {
    expect(longRunning.sort()).toEqual(['api', 'neo4j', 'proxy']);
    for (const name of longRunning) {
      const s = services[name]!;
      expect(s.restart, name).toBe('unless-stopped');
      expect(s.healthcheck?.disable, name).not.toBe(true);
      for (const key of ['interval', 'timeout', 'start_period'] as const) expect(s.healthcheck?.[key], `${name} ${key}`).toMatch(DURATION);
      expect(s.healthcheck?.retries, name).toBeGreaterThan(0);
    }
  });

  it('has every one-shot service awaited by a long-running one (so `up --wait` succeeds)', () => {
    for (const [name, s] of Object.entries(services).filter(([, s]) => s.restart === 'no')) {
      const adopters = longRunning.filter((other) => dependsOn(services[other]!)[name] === 'service_completed_successfully');
      expect(adopters, name).not.toEqual([]);
      expect(s.healthcheck).toBeUndefined();
    }
  });

  it('depends only on services that exist, with no cycle', () => {
    const seen = new Set<string>();
    const visit = (name: string, path: string[]) => {
      expect(path, `cycle ${path.join(' → ')}`).not.toContain(name);
      if (seen.has(name)) return;
      for (const dep of Object.keys(dependsOn(services[name]!))) {
        expect(services, `${name} depends on ${dep}`).toHaveProperty(dep);
        visit(dep, [...path, name]);
      }
      seen.add(name);
    };
    for (const name of Object.keys(services)) visit(name, []);
  });

  it('commits no secret: passwords are required from the environment, never defaulted', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [key, value] of Object.entries(environment(s))) {
        if (!/PASSWORD|SECRET|TOKEN|AUTH|KEY/i.test(key)) continue;
        const tokens = tokenize(value);
        const literal = tokens.filter((t) => typeof t === 'string').join('');
        expect(literal, `${name}.${key}`).toMatch(/^([a-z0-9_-]+\/)?$/);
        for (const t of tokens) if (typeof t !== 'string') expect(t.operator, `${name}.${key}`).toBe(':?');
      }
    }
    for (const r of references(compose).filter((r) => /PASSWORD|SECRET|TOKEN/.test(r.name))) expect(r.operator).toBe(':?');
  });

  it('rotates container logs', () => {
    for (const [name, s] of Object.entries(services)) {
      expect(s.logging, name).toMatchObject({ driver: 'json-file', options: { 'max-size': expect.any(String), 'max-file': expect.any(String) } });
    }
  });
});
