//! Keys for a panel or a card before the calendar sees them. The wrapper sees each key first:
//! Escape becomes the panel's message before a focused field takes it (a focused `text_input`
//! otherwise takes the first Escape to drop its focus, and the card needed a second press), and
//! Tab / Shift+Tab move the focus through the panel's fields in their order on screen, round
//! and round. The other keys go to the widgets inside; of those they leave, Up and Down become
//! the panel's messages (a suggestion list), and while one of the panel's fields has focus the
//! panel keeps every key without Ctrl, Alt or Logo (Enter, arrows, Page Up…), and Ctrl+Z and
//! Ctrl+Y (the field's undo, not the desk's), so a key typed into a form never moves, opens or
//! undoes anything on the calendar behind it.

use iced::keyboard::{self, Key, key::Named};
use iced::{Element, Event, Length, Rectangle, Size, Vector};
use iced_runtime::core::widget::operation::Focusable;
use iced_runtime::core::widget::{Id, Operation, Tree};
use iced_runtime::core::{Clipboard, Layout, Shell, Widget, layout, mouse, overlay, renderer};

/// `content`, with Escape pressed anywhere while it is shown turned into `on_escape`, and the
/// panel's other keys kept as [`PanelKeys`] says.
pub fn escape_closes<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    on_escape: Message,
) -> PanelKeys<'a, Message, Theme, Renderer> {
    panel_keys(content).on_escape(on_escape)
}

/// `content` with the keys a panel takes before the calendar (see the module's comment).
pub fn panel_keys<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
) -> PanelKeys<'a, Message, Theme, Renderer> {
    PanelKeys {
        content: content.into(),
        on_escape: None,
        arrows: None,
        holds_enter: false,
        yields_to: &[],
    }
}

/// See [`panel_keys`].
pub struct PanelKeys<'a, Message, Theme, Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    on_escape: Option<Message>,
    /// Up and Down in the field with this id: these messages.
    arrows: Option<(Id, Message, Message)>,
    holds_enter: bool,
    /// Ctrl+these letters open something else (the palette, a form): the panel's field drops
    /// the focus at once, so what is typed next goes there, not here.
    yields_to: &'static [&'static str],
}

impl<'a, Message, Theme, Renderer> PanelKeys<'a, Message, Theme, Renderer> {
    /// Escape, pressed anywhere while the panel is shown, sends `message` (one press).
    pub fn on_escape(mut self, message: Message) -> Self {
        self.on_escape = Some(message);
        self
    }

    /// Up and Down in the field `field` send these (its suggestion list moves).
    pub fn on_arrows(mut self, field: &'static str, up: Message, down: Message) -> Self {
        self.arrows = Some((Id::new(field), up, down));
        self
    }

    /// Ctrl with one of `letters` (shortcuts that open something else, with its own field)
    /// takes the focus away from the panel's field at once: letters typed right after, before
    /// the new field has the focus, do not land in this one.
    pub fn yields_to(mut self, letters: &'static [&'static str]) -> Self {
        self.yields_to = letters;
        self
    }

    /// The panel keeps Enter even when none of its fields has focus (a half-filled form is
    /// never replaced by Enter on the calendar behind it).
    pub fn holds_enter(mut self) -> Self {
        self.holds_enter = true;
        self
    }
}

/// The focusable widgets (text fields) inside, in the order they are laid out, and which one
/// has focus; with `target` set, focuses that one and drops the focus of the others.
struct Focus {
    count: usize,
    focused: Option<usize>,
    focused_id: Option<Id>,
    target: Option<usize>,
}

impl<T> Operation<T> for Focus {
    fn traverse(&mut self, operate: &mut dyn FnMut(&mut dyn Operation<T>)) {
        operate(self);
    }

    fn focusable(&mut self, id: Option<&Id>, _bounds: Rectangle, state: &mut dyn Focusable) {
        match self.target {
            Some(target) if target == self.count => state.focus(),
            Some(_) => state.unfocus(),
            None if state.is_focused() => {
                self.focused = Some(self.count);
                self.focused_id = id.cloned();
            }
            None => {}
        }
        self.count += 1;
    }
}

impl<Message, Theme, Renderer> PanelKeys<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
{
    fn focus(&mut self, tree: &mut Tree, layout: Layout<'_>, renderer: &Renderer) -> Focus {
        let mut focus = Focus {
            count: 0,
            focused: None,
            focused_id: None,
            target: None,
        };
        self.content
            .as_widget_mut()
            .operate(tree, layout, renderer, &mut focus);
        focus
    }

    /// Moves the focus to the next (or previous) field inside, round and round.
    fn tab(&mut self, tree: &mut Tree, layout: Layout<'_>, renderer: &Renderer, back: bool) {
        let found = self.focus(tree, layout, renderer);
        if found.count == 0 {
            return;
        }
        let last = found.count - 1;
        let target = match (found.focused, back) {
            (None, false) => 0,
            (None, true) => last,
            (Some(i), false) if i >= last => 0,
            (Some(i), false) => i + 1,
            (Some(0), true) => last,
            (Some(i), true) => i - 1,
        };
        let mut focus = Focus {
            count: 0,
            focused: None,
            focused_id: None,
            target: Some(target),
        };
        self.content
            .as_widget_mut()
            .operate(tree, layout, renderer, &mut focus);
    }
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for PanelKeys<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
    Message: Clone,
{
    fn children(&self) -> Vec<Tree> {
        vec![Tree::new(&self.content)]
    }

    fn diff(&self, tree: &mut Tree) {
        tree.diff_children(std::slice::from_ref(&self.content));
    }

    fn size(&self) -> Size<Length> {
        self.content.as_widget().size()
    }

    fn layout(
        &mut self,
        tree: &mut Tree,
        renderer: &Renderer,
        limits: &layout::Limits,
    ) -> layout::Node {
        self.content
            .as_widget_mut()
            .layout(&mut tree.children[0], renderer, limits)
    }

    fn operate(
        &mut self,
        tree: &mut Tree,
        layout: Layout<'_>,
        renderer: &Renderer,
        operation: &mut dyn Operation,
    ) {
        self.content
            .as_widget_mut()
            .operate(&mut tree.children[0], layout, renderer, operation);
    }

    fn update(
        &mut self,
        tree: &mut Tree,
        event: &Event,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        renderer: &Renderer,
        clipboard: &mut dyn Clipboard,
        shell: &mut Shell<'_, Message>,
        viewport: &Rectangle,
    ) {
        let pressed = match event {
            Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) => {
                Some((key.clone(), *modifiers))
            }
            _ => None,
        };
        let plain = |m: &keyboard::Modifiers| !(m.control() || m.alt() || m.logo());
        match &pressed {
            Some((Key::Named(Named::Escape), _)) if self.on_escape.is_some() => {
                if let Some(message) = self.on_escape.clone() {
                    shell.publish(message);
                }
                shell.capture_event();
                return;
            }
            Some((Key::Named(Named::Tab), m)) if plain(m) => {
                self.tab(&mut tree.children[0], layout, renderer, m.shift());
                shell.capture_event();
                shell.request_redraw();
                return;
            }
            _ => {}
        }
        self.content.as_widget_mut().update(
            &mut tree.children[0],
            event,
            layout,
            cursor,
            renderer,
            clipboard,
            shell,
            viewport,
        );
        let Some((key, modifiers)) = pressed else {
            return;
        };
        if shell.is_event_captured() {
            return;
        }
        // Ctrl+Z and Ctrl+Y in a field are the field's (text undo and redo), never the desk's
        // undo of the last booking.
        let text_undo = modifiers.command()
            && !modifiers.alt()
            && matches!(key.as_ref(), Key::Character("z" | "Z" | "y" | "Y"));
        if let Key::Character(c) = key.as_ref()
            && modifiers.command()
            && self.yields_to.iter().any(|l| c.eq_ignore_ascii_case(l))
        {
            let mut unfocus = Focus {
                count: 0,
                focused: None,
                focused_id: None,
                target: Some(usize::MAX),
            };
            self.content.as_widget_mut().operate(
                &mut tree.children[0],
                layout,
                renderer,
                &mut unfocus,
            );
            return;
        }
        if !plain(&modifiers) && !text_undo {
            return;
        }
        let function_key = matches!(
            key,
            Key::Named(
                Named::F1
                    | Named::F2
                    | Named::F3
                    | Named::F4
                    | Named::F5
                    | Named::F6
                    | Named::F7
                    | Named::F8
                    | Named::F9
                    | Named::F10
                    | Named::F11
                    | Named::F12
            )
        );
        let enter = matches!(key, Key::Named(Named::Enter));
        let found = self.focus(&mut tree.children[0], layout, renderer);
        let focused = found.focused.is_some();
        let arrow = match (&self.arrows, &key) {
            (Some((field, up, _)), Key::Named(Named::ArrowUp)) => Some((field, up)),
            (Some((field, _, down)), Key::Named(Named::ArrowDown)) => Some((field, down)),
            _ => None,
        };
        match arrow {
            Some((field, message)) if found.focused_id.as_ref() == Some(field) => {
                shell.publish(message.clone());
                shell.capture_event();
            }
            _ if focused && !function_key => shell.capture_event(),
            _ if text_undo => {}
            _ if enter && self.holds_enter => shell.capture_event(),
            _ => {}
        }
    }

    fn mouse_interaction(
        &self,
        tree: &Tree,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
        renderer: &Renderer,
    ) -> mouse::Interaction {
        self.content.as_widget().mouse_interaction(
            &tree.children[0],
            layout,
            cursor,
            viewport,
            renderer,
        )
    }

    fn draw(
        &self,
        tree: &Tree,
        renderer: &mut Renderer,
        theme: &Theme,
        style: &renderer::Style,
        layout: Layout<'_>,
        cursor: mouse::Cursor,
        viewport: &Rectangle,
    ) {
        self.content.as_widget().draw(
            &tree.children[0],
            renderer,
            theme,
            style,
            layout,
            cursor,
            viewport,
        );
    }

    fn overlay<'b>(
        &'b mut self,
        tree: &'b mut Tree,
        layout: Layout<'b>,
        renderer: &Renderer,
        viewport: &Rectangle,
        translation: Vector,
    ) -> Option<overlay::Element<'b, Message, Theme, Renderer>> {
        self.content.as_widget_mut().overlay(
            &mut tree.children[0],
            layout,
            renderer,
            viewport,
            translation,
        )
    }
}

impl<'a, Message, Theme, Renderer> From<PanelKeys<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: 'a + Clone,
    Theme: 'a,
    Renderer: 'a + renderer::Renderer,
{
    fn from(wrapper: PanelKeys<'a, Message, Theme, Renderer>) -> Self {
        Element::new(wrapper)
    }
}
