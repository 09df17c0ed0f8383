import { describe, expect, it } from 'vitest';
import { dayUrl, isHttpUrl, publicSource } from './url.ts';

describe('dayUrl', () => {
  it('asks for <base>?date=YYYY-MM-DD', () => {
    expect(dayUrl('https://huggingface.co/api/daily_papers', '2026-01-08')).toBe('https://huggingface.co/api/daily_papers?date=2026-01-08');
    expect(dayUrl('http://127.0.0.1:8080/mirror/daily_papers?token=abc', '2026-01-08')).toBe(
      'http://127.0.0.1:8080/mirror/daily_papers?token=abc&date=2026-01-08',
    );
  });
});

describe('publicSource', () => {
  it('records no credentials or query besides the day', () => {
    expect(publicSource('https://user:secret@mirror.example/api/daily_papers?token=abc#x', '2026-01-08')).toBe(
      'https://mirror.example/api/daily_papers?date=2026-01-08',
    );
  });
});

describe('isHttpUrl', () => {
  it('takes http(s) URLs only', () => {
    expect(['https://huggingface.co/api/daily_papers', 'http://127.0.0.1:1/x'].every(isHttpUrl)).toBe(true);
    expect(['huggingface.co/api', 'file:///etc/passwd', 'javascript:alert(1)', ''].some(isHttpUrl)).toBe(false);
  });
});
