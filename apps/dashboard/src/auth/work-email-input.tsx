import { TextInput } from '@mantine/core';

interface WorkEmailInputProps {
  value: string;
  onChange(value: string): void;
  error?: string;
}

/** The e-mail an account signs in with (login, password reset). */
export function WorkEmailInput({ value, onChange, error }: WorkEmailInputProps) {
  return (
    <TextInput
      label="Work e-mail"
      type="email"
      autoComplete="username"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
