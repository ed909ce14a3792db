// Photos and files of a visit: picked with a plain file input (works in the browser and in
// Electron), shown as thumbnails through object URLs that are revoked when they leave the screen.
// The limits are stated next to the picker (shared/visits/attachmentLimits.ts); 保留原图 shows once a
// photo on the form has been made smaller, and switches every such photo back to its original.
import { DeleteOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Checkbox, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { attachmentLimitHint, sizeText } from '../../../../shared/visits/attachmentLimits';

export interface ShownAttachment {
  key: string;
  fileName: string;
  mimeType: string;
  blob: Blob;
  /** Stored already (editing), as opposed to picked on this form. */
  stored: boolean;
  /** Shown instead of the size, e.g. 「已压缩：4.2 MB → 612 KB」. */
  note?: string;
}

/**
 * Points an <img> or <a> at the Blob through an object URL, revoked when the tile leaves the
 * screen. Set through the element (not state) so creating and revoking stay paired in one effect.
 */
function useObjectUrlOn<E extends HTMLImageElement | HTMLAnchorElement>(blob: Blob) {
  const element = useRef<E>(null);
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    const el = element.current;
    if (el instanceof HTMLImageElement) el.src = url;
    else if (el) el.href = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return element;
}

function AttachmentTile({ item, onRemove }: { item: ShownAttachment; onRemove?: () => void }) {
  const isImage = item.mimeType.startsWith('image/');
  const image = useObjectUrlOn<HTMLImageElement>(item.blob);
  const link = useObjectUrlOn<HTMLAnchorElement>(item.blob);
  return (
    <div className="attachment-tile" aria-label={`附件 ${item.fileName}`} role="group">
      {isImage ? (
        <img ref={image} alt={item.fileName} />
      ) : (
        <FileOutlined style={{ fontSize: 40, display: 'block', margin: '18px auto 22px', color: '#8c8c8c' }} />
      )}
      <div className="attachment-name" title={item.fileName}>
        <a ref={link} download={item.fileName}>
          {item.fileName}
        </a>
      </div>
      {item.note ? (
        // Sizes kept whole on their line: 「已压缩：」 above 「8.5 MB → 98 KB」 in a narrow tile.
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', lineHeight: 1.4 }}>
          {item.note.replace(/ /g, '\u00a0')}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sizeText(item.blob.size)}
        </Typography.Text>
      )}
      {onRemove ? (
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`移除附件 ${item.fileName}`} />
      ) : null}
    </div>
  );
}

/** The tiles only, without adding or removing: the read-only visit page. */
export function AttachmentList({ items }: { items: ShownAttachment[] }) {
  if (items.length === 0) return <Typography.Text type="secondary">尚无附件</Typography.Text>;
  return (
    <div className="attachment-grid">
      {items.map((item) => (
        <AttachmentTile key={item.key} item={item} />
      ))}
    </div>
  );
}

export function AttachmentPanel({
  id,
  items,
  picking,
  onPick,
  onRemove,
  keepOriginals,
}: {
  /** The form field's id (antd's Form.Item passes it), so an error at 'attachments' scrolls here. */
  id?: string;
  items: ShownAttachment[];
  /** Picked files are being checked and photos made smaller. */
  picking: boolean;
  onPick: (files: File[]) => void;
  onRemove: (item: ShownAttachment) => void;
  /** 保留原图: shown only when a photo on the form has a smaller version (or the box is ticked). */
  keepOriginals: { shown: boolean; checked: boolean; onChange: (checked: boolean) => void };
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div id={id}>
      <input
        ref={input}
        type="file"
        multiple
        aria-label="选择附件文件"
        style={{ display: 'none' }}
        onChange={(e) => {
          if (e.target.files && e.target.files.length > 0) onPick(Array.from(e.target.files));
          e.target.value = '';
        }}
      />
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 12, rowGap: 4, marginBottom: 12 }}>
        <Button icon={<PaperClipOutlined />} loading={picking} onClick={() => input.current?.click()}>
          {picking ? '正在处理照片…' : '添加照片或文件'}
        </Button>
        <Typography.Text type="secondary">{attachmentLimitHint}</Typography.Text>
      </div>
      {keepOriginals.shown ? (
        <Checkbox checked={keepOriginals.checked} onChange={(e) => keepOriginals.onChange(e.target.checked)} style={{ marginBottom: 12 }}>
          保留原图（不压缩本次走访的照片）
        </Checkbox>
      ) : null}
      {items.length > 0 ? (
        <div className="attachment-grid">
          {items.map((item) => (
            <AttachmentTile key={item.key} item={item} onRemove={() => onRemove(item)} />
          ))}
        </div>
      ) : (
        <div>
          <Typography.Text type="secondary">尚无附件</Typography.Text>
        </div>
      )}
    </div>
  );
}
