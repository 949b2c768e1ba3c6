/** One message for the clerk: success, a warning, or a failure in plain words (never a stack). */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Strings } from '../i18n';

const useStyles = makeStyles({
  details: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  body: { whiteSpace: 'normal', wordBreak: 'break-word' },
});

export interface NoticeBarProps {
  t: Strings;
  intent: 'success' | 'info' | 'warning' | 'error';
  text: string;
  details?: string[];
  onDismiss?: () => void;
}

export function NoticeBar({ t, intent, text, details, onDismiss }: NoticeBarProps) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody className={styles.body}>
        {text}
        {details && details.length > 0 && (
          <ul className={styles.details}>
            {details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label={t.dismiss}
              icon={<DismissRegular />}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}
