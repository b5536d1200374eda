import { describe, expect, it } from 'vitest';
import { configuredReference } from '../../../src/app/drift.ts';
import { parseConfig, productionRef } from '../../../src/train/config.ts';

// The default reference (drift) and baseline (the evaluate action) were `<name>#production`
// whatever the registry's stages: with `stages: [dev, prod]` that stage cannot exist, so drift
// had no reference and every pull request was evaluated as a first model.
describe('the model in production', () => {
  it("is the registry's last stage", () => {
    const custom = parseConfig('name: weather\nregistry: { stages: [dev, prod] }\n', '/p/mlops.yaml');
    expect(productionRef(custom)).toBe('weather#prod');
    expect(configuredReference(custom)).toBe('weather#prod');
  });

  it('is production with the default stages, and drift.reference still wins', () => {
    expect(productionRef(parseConfig('name: weather\n', '/p/mlops.yaml'))).toBe('weather#production');
    expect(configuredReference(parseConfig('name: weather\ndrift: { reference: weather@v1.0.0 }\n', '/p/mlops.yaml'))).toBe('weather@v1.0.0');
  });
});
