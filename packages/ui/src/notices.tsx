'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { ToasterProps } from 'sonner';

type Sonner = typeof import('sonner');

/** Notices raised before the toaster is on screen: sonner drops toasts nobody listens to. */
const waiting: string[] = [];
let wake: (() => void) | undefined;
let sonner: Sonner | undefined;

/**
 * Shows an error notice. Sonner is loaded on the first notice, not with the page: notices are
 * rare courtside, and the scorekeeper screen's first load stays smaller (bench figure 8a).
 */
export function notifyError(message: string): void {
  if (sonner && !wake) {
    sonner.toast.error(message);
    return;
  }
  waiting.push(message);
  wake?.();
}

/** Mount once in the layout: renders nothing until the first notice, then sonner's toaster. */
export function Notices(props: ToasterProps) {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps>>();

  useEffect(() => {
    let active = true;
    wake = () => {
      void import('sonner').then((module) => {
        sonner = module;
        if (active) setToaster(() => module.Toaster);
      });
    };
    // A remount after sonner has loaded shows the toaster at once.
    if (waiting.length || sonner) wake();
    return () => {
      active = false;
      wake = undefined;
    };
  }, []);

  useEffect(() => {
    if (!Toaster || !sonner) return;
    // The toaster subscribed in its own (earlier) effect: hand it what waited, then go direct.
    wake = undefined;
    for (const message of waiting.splice(0)) sonner.toast.error(message);
  }, [Toaster]);

  return Toaster ? <Toaster {...props} /> : null;
}
