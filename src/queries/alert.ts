/** Something a dashboard should show about a case now. */
export interface Alert {
  readonly code: 'risk-item' | 'risk-item-unanswered' | 'not-on-track' | 'measurement-overdue' | 'review-due' | 'safety-plan-missing' | 'consent-expiring' | 'consent-expired';
  readonly severity: 'urgent' | 'warning' | 'info';
  readonly message: string;
  readonly entity: { readonly type: string; readonly id: string };
  /** Since when the condition holds. */
  readonly since: string;
}
