import { useEffect, useRef } from "react";
import type { DocumentActionComponent } from "sanity";

const wrappers = new WeakMap<DocumentActionComponent, DocumentActionComponent>();

/**
 * Sanity's « Publier », answering a double click with one publish. Sanity handles a press at once,
 * but the footer's button is turned off only when the footer renders again, a task later (it
 * collects the action states through an effect). On a loaded machine the second press of a double
 * click lands on the still-enabled button; the Studio publishes twice, and the lake refuses the
 * second publish, whose draft the first one removed: « Une erreur s'est produite lors de publish ».
 * So after a press, further presses are ignored until Sanity has settled it: the draft revision
 * changed (published, or edited since), or « Publier » went off and came back on (the publish
 * failed or met validation errors: pressing again is the editor's call).
 */
export function publishOnce(publish: DocumentActionComponent): DocumentActionComponent {
  // One wrapper per action: the resolver runs on every render of the pane, and a new component
  // each time would reset the publish action's state.
  const known = wrappers.get(publish);
  if (known) return known;
  const PublishOnce: DocumentActionComponent = (props) => {
    const description = publish(props);
    const press = useRef<{ revision: string | undefined; wentOff: boolean } | null>(null);
    const disabled = Boolean(description?.disabled);
    const revision = props.draft?._rev;
    useEffect(() => {
      const pending = press.current;
      if (!pending) return;
      if (pending.revision !== revision || (pending.wentOff && !disabled)) press.current = null;
      else if (disabled) pending.wentOff = true;
    }, [disabled, revision]);
    const handle = description?.onHandle;
    if (!description || !handle) return description;
    return {
      ...description,
      onHandle: () => {
        if (press.current) return;
        press.current = { revision, wentOff: false };
        handle();
      },
    };
  };
  PublishOnce.action = publish.action;
  PublishOnce.displayName = "PublishOnce";
  wrappers.set(publish, PublishOnce);
  return PublishOnce;
}
