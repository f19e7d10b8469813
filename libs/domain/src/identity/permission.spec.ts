import { can, Permission } from './permission';
import { Role } from './role';

describe("the README's role table", () => {
  it('lets only compliance officers review', () => {
    expect(Object.values(Role).filter((r) => can(r, Permission.ReviewContent))).toEqual([
      Role.Compliance,
    ]);
  });

  it('lets admins and marketers write content and upload media, nobody else', () => {
    for (const permission of [Permission.WriteContent, Permission.UploadMedia]) {
      expect(Object.values(Role).filter((r) => can(r, permission))).toEqual([
        Role.Admin,
        Role.Marketer,
      ]);
    }
  });

  it('lets admins, marketers and compliance officers see and revoke consent records', () => {
    expect(Object.values(Role).filter((r) => can(r, Permission.ManageConsent))).toEqual([
      Role.Admin,
      Role.Marketer,
      Role.Compliance,
    ]);
  });

  it('keeps users, channels, policy and the emergency pause to admins', () => {
    const adminOnly = [
      Permission.ManageUsers,
      Permission.ManageChannels,
      Permission.ManagePolicy,
      Permission.EmergencyPause,
    ];
    for (const permission of adminOnly) {
      expect(Object.values(Role).filter((r) => can(r, permission))).toEqual([Role.Admin]);
    }
  });

  it('lets admins, marketers and compliance officers handle patient feedback, admins set its owners', () => {
    expect(Object.values(Role).filter((r) => can(r, Permission.HandleFeedback))).toEqual([
      Role.Admin,
      Role.Marketer,
      Role.Compliance,
    ]);
    expect(Object.values(Role).filter((r) => can(r, Permission.ManageFeedback))).toEqual([
      Role.Admin,
    ]);
  });

  it('lets executives read content and reports only', () => {
    const granted = Object.values(Permission).filter((p) => can(Role.Executive, p));
    expect(granted).toEqual([Permission.ReadContent, Permission.ReadReports]);
  });
});
