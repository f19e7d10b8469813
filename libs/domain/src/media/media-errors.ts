import { DomainError, DomainErrorCode } from '../common/domain-error';
import { ACCEPTED_TYPES, describeBytes } from './media-limits';
import { MediaKind } from './media.entity';

/** Every refusal of an upload names the `file` field and the rule it broke. */
const refuse = (code: DomainErrorCode, rule: string, message: string, details = {}) =>
  new DomainError(code, message, 'file', { rule, ...details });

export const MediaRefusal = {
  missing: () =>
    refuse(
      DomainErrorCode.InvalidInput,
      'required',
      'file is required: send multipart/form-data with the file in a field named "file"',
    ),
  empty: () => refuse(DomainErrorCode.InvalidInput, 'not_empty', 'file is empty'),
  unsupported: (detected: string) =>
    refuse(
      DomainErrorCode.InvalidInput,
      'accepted_type',
      `file must be ${ACCEPTED_TYPES}; its content is ${detected}`,
      { detected },
    ),
  tooLarge: (kind: MediaKind, maxBytes: number) =>
    refuse(
      DomainErrorCode.PayloadTooLarge,
      'max_size',
      `file must be at most ${describeBytes(maxBytes)} for ${kind}s`,
      { kind, maxBytes },
    ),
  unreadable: (mimeType: string, what: string) =>
    refuse(
      DomainErrorCode.InvalidInput,
      'readable',
      `file looks like ${mimeType} but its ${what} cannot be read`,
      { detected: mimeType },
    ),
  notText: () =>
    refuse(
      DomainErrorCode.InvalidInput,
      'utf8_text',
      'file is a caption track but is not UTF-8 text throughout',
    ),
};
