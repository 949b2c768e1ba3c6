/** Ledger from a rectification doc (整改方案, 进展通报): paste (or open) the text, preview the rows, then write a new sheet. */
import { useRef } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular, EyeRegular, TableAddRegular } from '@fluentui/react-icons';
import type { Strings } from '../i18n';
import type { DocImportState } from '../useDocImport';
import { NoticeBar } from './NoticeBar';

const PREVIEW_ROWS = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  hiddenInput: { display: 'none' },
  // A compact list, not a table: at 350 px a five-column table hid 责任单位 and 整改时限 off screen.
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  category: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  problem: { fontWeight: tokens.fontWeightSemibold },
  measure: {},
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  write: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  sheetName: { flexGrow: 1, minWidth: '8em' },
  missing: { color: tokens.colorStatusDangerForeground1 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function ImportView({ t, state }: { t: Strings; state: DocImportState }) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const { preview, previewStale, busy, notice } = state;
  const okPreview = preview && preview.ok && !previewStale ? preview.result : null;

  return (
    <div className={styles.root}>
      <Body1>{t.importIntro}</Body1>
      <Field label={t.importText}>
        <Textarea
          resize="vertical"
          rows={8}
          placeholder={t.importPlaceholder}
          value={state.text}
          onChange={(_, data) => state.setText(data.value)}
        />
      </Field>
      <div className={styles.actions}>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={t.importFile}
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void state.openFile(file);
            e.target.value = '';
          }}
        />
        <Button
          icon={<DocumentArrowUpRegular />}
          disabledFocusable={busy !== null}
          onClick={() => fileInput.current?.click()}
        >
          {t.importFile}
        </Button>
        <Button
          appearance="primary"
          icon={<EyeRegular />}
          disabledFocusable={busy !== null}
          onClick={() => void state.runPreview()}
        >
          {t.preview}
        </Button>
      </div>

      {notice && (
        <NoticeBar
          t={t}
          intent={notice.intent}
          text={notice.text}
          details={notice.details}
          onDismiss={state.dismissNotice}
        />
      )}
      {preview && !preview.ok && !previewStale && <NoticeBar t={t} intent="error" text={preview.message} />}
      {preview && previewStale && <NoticeBar t={t} intent="info" text={t.importChanged} />}

      {okPreview && (
        <section className={styles.section} aria-labelledby="import-preview-title">
          <Subtitle2 as="h2" id="import-preview-title">
            {t.previewTitle(okPreview.rows.length)}
          </Subtitle2>
          {okPreview.totals.agrees === false && (
            <Caption1 role="status" className={styles.missing} data-testid="import-totals-mismatch">
              {okPreview.totals.note}
            </Caption1>
          )}
          {okPreview.warnings.map((w) => (
            <Caption1 key={w}>{w}</Caption1>
          ))}
          <Caption1>{t.importLacking(okPreview.missing.department, okPreview.missing.deadline)}</Caption1>
          {/* The write action comes before the rows, so it is reachable without scrolling past them. */}
          <div className={styles.write}>
            <Field label={t.sheetName} className={styles.sheetName}>
              <Input value={state.sheetName} onChange={(_, data) => state.setSheetName(data.value)} />
            </Field>
            <Button
              appearance="primary"
              icon={<TableAddRegular />}
              disabledFocusable={busy !== null}
              onClick={() => void state.write()}
            >
              {t.writeSheet}
            </Button>
          </div>
          <ol className={styles.list} aria-labelledby="import-preview-title">
            {okPreview.rows.slice(0, PREVIEW_ROWS).map((r, i, rows) => (
              <li key={i} className={styles.item} data-testid="import-preview-row">
                {r.category && r.category !== rows[i - 1]?.category && (
                  <div className={styles.category}>{r.category}</div>
                )}
                <div className={styles.problem}>{r.problem}</div>
                <div className={styles.measure}>
                  <span aria-hidden>→ </span>
                  {r.measure}
                </div>
                <div className={styles.meta}>
                  <span>
                    {t.previewCols.departments}
                    {t.colon}
                    {r.departments.length ? (
                      r.departments.join('、')
                    ) : (
                      <span className={styles.missing}>{t.previewMissing}</span>
                    )}
                  </span>
                  <span>
                    {t.previewCols.deadline}
                    {t.colon}
                    {r.deadlineText || (r.deadline ? t.date(r.deadline) : '') || (
                      <span className={styles.missing}>{t.previewMissing}</span>
                    )}
                  </span>
                </div>
              </li>
            ))}
          </ol>
          {okPreview.rows.length > PREVIEW_ROWS && (
            <Caption1>{t.previewMore(okPreview.rows.length - PREVIEW_ROWS)}</Caption1>
          )}
        </section>
      )}
    </div>
  );
}
