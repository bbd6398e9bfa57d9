import type { Plugin } from 'vite';
import type { Plugin as EsbuildPlugin } from 'esbuild';
export function minifyCss(text: string): string;
export function minifyCssLiterals(code: string): string;
export function minifyCssLiteralsPlugin(): Plugin;
export function minifyCssLiteralsEsbuildPlugin(): EsbuildPlugin;
