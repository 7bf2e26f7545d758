//! The keys nobody took, heard by the window's root widget (not by a `keyboard::listen`
//! subscription). A subscription's message reaches `update` only with the next batch of
//! messages, after the widgets' messages of keys pressed later: a letter typed before a form's
//! field had the focus then arrived after the next letter, which the field had already turned
//! into its whole value from the empty text, and the first letter was lost ("Zubin" became
//! "ubin"). Published from the widget tree, a key nobody took reaches `update` in the order it
//! was pressed, among the widgets' own messages, before the view is built again.
//!
//! The key is given as it was typed: with Shift, "A" and ":", not the window's key without
//! modifiers ("a", ";"), when it types text and no Ctrl, Alt or Logo is held.
//!
//! [`keys_held`] keeps every key from the widgets inside (the desk under the keyboard help
//! card): they go on to the root, and `App::key` decides.

use iced::keyboard::{self, Key, Modifiers};
use iced::{Element, Event, Length, Rectangle, Size, Vector};
use iced_runtime::core::widget::{Operation, Tree};
use iced_runtime::core::{Clipboard, Layout, Shell, Widget, layout, mouse, overlay, renderer};

/// `content`, with every key press no widget inside took published as `on_key(key, modifiers)`.
pub fn window_keys<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
    on_key: fn(Key, Modifiers) -> Message,
) -> WindowKeys<'a, Message, Theme, Renderer> {
    WindowKeys {
        content: content.into(),
        on_key: Some(on_key),
    }
}

/// `content`, whose widgets get no key at all (a field focused behind a modal card types
/// nothing): the keys go on to the widgets around it.
pub fn keys_held<'a, Message, Theme, Renderer>(
    content: impl Into<Element<'a, Message, Theme, Renderer>>,
) -> WindowKeys<'a, Message, Theme, Renderer> {
    WindowKeys {
        content: content.into(),
        on_key: None,
    }
}

/// The key as typed: the text it types when it types some (Shift included) and no Ctrl, Alt or
/// Logo is held; otherwise the key without modifiers, as the window gives it (shortcuts).
pub fn as_typed(key: &Key, modifiers: Modifiers, text: Option<&str>) -> Key {
    if modifiers.control() || modifiers.alt() || modifiers.logo() {
        return key.clone();
    }
    match (key, text) {
        (Key::Character(_), Some(text))
            if !text.is_empty() && !text.chars().any(char::is_control) =>
        {
            Key::Character(text.into())
        }
        _ => key.clone(),
    }
}

/// See [`window_keys`] and [`keys_held`].
pub struct WindowKeys<'a, Message, Theme, Renderer> {
    content: Element<'a, Message, Theme, Renderer>,
    /// The message for a key nobody took; `None`: the widgets inside get no key.
    on_key: Option<fn(Key, Modifiers) -> Message>,
}

impl<Message, Theme, Renderer> Widget<Message, Theme, Renderer>
    for WindowKeys<'_, Message, Theme, Renderer>
where
    Renderer: renderer::Renderer,
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
        let Some(on_key) = self.on_key else {
            if !matches!(event, Event::Keyboard(_)) {
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
            }
            return;
        };
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
        if shell.is_event_captured() {
            return;
        }
        if let Event::Keyboard(keyboard::Event::KeyPressed {
            key,
            modifiers,
            text,
            ..
        }) = event
        {
            let key = as_typed(key, *modifiers, text.as_deref());
            shell.publish(on_key(key, *modifiers));
            shell.capture_event();
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

impl<'a, Message, Theme, Renderer> From<WindowKeys<'a, Message, Theme, Renderer>>
    for Element<'a, Message, Theme, Renderer>
where
    Message: 'a,
    Theme: 'a,
    Renderer: 'a + renderer::Renderer,
{
    fn from(wrapper: WindowKeys<'a, Message, Theme, Renderer>) -> Self {
        Element::new(wrapper)
    }
}
