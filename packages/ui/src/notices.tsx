'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { ToasterProps } from 'sonner';

type Sonner = typeof import('sonner');

/** A notice's kind: errors in red, success in green, information in neutral colours. */
type NoticeKind = 'error' | 'info' | 'success';
interface Notice {
  kind: NoticeKind;
  message: string;
}

/** Notices raised before the toaster is on screen: sonner drops toasts nobody listens to. */
const waiting: Notice[] = [];
let wake: (() => void) | undefined;
let sonner: Sonner | undefined;

/**
 * Shows an error notice. Sonner is loaded on the first notice, not with the page: notices are
 * rare courtside, and the scorekeeper screen's first load stays smaller (bench figure 8a).
 */
export function notifyError(message: string): void {
  notify({ kind: 'error', message });
}

/** Shows an information notice (e.g. another device's undo moved the score). */
export function notifyInfo(message: string): void {
  notify({ kind: 'info', message });
}

/** Shows a success notice (e.g. everything synced after being offline). */
export function notifySuccess(message: string): void {
  notify({ kind: 'success', message });
}

function show(s: Sonner, notice: Notice): void {
  if (notice.kind === 'error') s.toast.error(notice.message);
  else if (notice.kind === 'success') s.toast.success(notice.message);
  else s.toast.info(notice.message);
}

function notify(notice: Notice): void {
  if (sonner && !wake) {
    show(sonner, notice);
    return;
  }
  waiting.push(notice);
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
    for (const notice of waiting.splice(0)) show(sonner, notice);
  }, [Toaster]);

  return Toaster ? <Toaster {...props} /> : null;
}
