import { completePolicy } from '../organizations/organization-settings';
import { policyRequirement } from './approval-policy';

describe('policyRequirement', () => {
  const defaults = completePolicy(null);

  it('needs one approver and no consent for a plain post by default', () => {
    expect(policyRequirement(defaults, ['x'], [])).toMatchObject({
      required: 1,
      requireConsent: false,
    });
  });

  it('raises a patient story to two approvers and a consent record', () => {
    const requirement = policyRequirement(defaults, ['x'], ['patient_story']);
    expect(requirement).toMatchObject({ required: 2, requireConsent: true });
    expect(requirement.reasons).toContain('patient_story: 2 approvers, consent');
  });

  it('takes the strictest of the default, the platforms and the categories', () => {
    const policy = completePolicy({
      requiredApprovers: 2,
      perPlatform: { youtube: 3 },
      routing: { crisis: { approvers: 4, requireConsent: false } } as never,
    });
    expect(policyRequirement(policy, ['x'], []).required).toBe(2);
    expect(policyRequirement(policy, ['x', 'youtube'], []).required).toBe(3);
    expect(policyRequirement(policy, ['youtube'], ['crisis']).required).toBe(4);
    expect(policyRequirement(policy, ['youtube'], ['minors'])).toMatchObject({
      required: 3,
      requireConsent: true,
    });
  });
});
