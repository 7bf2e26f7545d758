//! A choice field (a pick list) the keyboard reaches: Tab and Shift+Tab stop on it as on a text
//! field (a click takes the focus away again), a ring shows it has the focus, and while it has it Up and Down choose the previous
//! and next choice, Home and End the first and last, and a letter the next choice that starts
//! with it, as a closed list does on a desktop. iced's own pick list takes no focus and no keys
//! (its menu is worked by the mouse only), so a form's doctor, visit type or room could not be
//! chosen without the mouse.

use iced::keyboard::{self, Key, key::Named};
use iced::{
    Border, Element, Event, Length, Padding, Pixels, Rectangle, Renderer, Size, Theme, Vector,
    mouse,
};
use iced_runtime::core::renderer::{self, Quad};
use iced_runtime::core::widget::operation::Focusable;
use iced_runtime::core::widget::{Id, Operation, Tree, tree};
use iced_runtime::core::{Clipboard, Layout, Shell, Widget, layout, overlay};
use std::borrow::Borrow;

/// iced's pick list, as the screens make it (`widget::pick_list`), drawn the same but reachable
/// by the keyboard: a drop-in for `iced::widget::pick_list` with the settings the screens use.
pub fn pick_list<'a, T, L, V, Message>(
    options: L,
    selected: Option<V>,
    on_select: impl Fn(T) -> Message + 'a,
) -> PickList<'a, T, L, V, Message>
where
    T: ToString + PartialEq + Clone + 'a,
    L: Borrow<[T]> + 'a,
    V: Borrow<T> + 'a,
    Message: Clone + 'a,
{
    let list: &[T] = options.borrow();
    let choices = list
        .iter()
        .map(|o| (o.to_string(), on_select(o.clone())))
        .collect();
    let shown = selected
        .as_ref()
        .and_then(|s| list.iter().position(|o| o == s.borrow()));
    PickList {
        list: iced::widget::pick_list(options, selected, on_select),
        choices,
        shown,
        id: None,
    }
}

/// A pick list on its way to becoming a [`ChoiceKeys`] (see [`pick_list`]).
pub struct PickList<'a, T, L, V, Message>
where
    T: ToString + PartialEq + Clone,
    L: Borrow<[T]> + 'a,
    V: Borrow<T> + 'a,
{
    list: iced::widget::PickList<'a, T, L, V, Message>,
    choices: Vec<(String, Message)>,
    shown: Option<usize>,
    id: Option<Id>,
}

impl<'a, T, L, V, Message> PickList<'a, T, L, V, Message>
where
    T: ToString + PartialEq + Clone,
    L: Borrow<[T]> + 'a,
    V: Borrow<T> + 'a,
    Message: Clone,
{
    /// The words shown while nothing is chosen.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.list = self.list.placeholder(placeholder);
        self
    }

    /// The width.
    pub fn width(mut self, width: impl Into<Length>) -> Self {
        self.list = self.list.width(width);
        self
    }

    /// The height of the open menu.
    pub fn menu_height(mut self, height: impl Into<Length>) -> Self {
        self.list = self.list.menu_height(height);
        self
    }

    /// The space inside.
    pub fn padding(mut self, padding: impl Into<Padding>) -> Self {
        self.list = self.list.padding(padding);
        self
    }

    /// The size of the text.
    pub fn text_size(mut self, size: impl Into<Pixels>) -> Self {
        self.list = self.list.text_size(size);
        self
    }

    /// Names the field, so an operation can give it the focus.
    pub fn id(mut self, id: &'static str) -> Self {
        self.id = Some(Id::new(id));
        self
    }
}

impl<'a, T, L, V, Message> From<PickList<'a, T, L, V, Message>> for Element<'a, Message>
where
    T: ToString + PartialEq + Clone + 'a,
    L: Borrow<[T]> + 'a,
    V: Borrow<T> + 'a,
    Message: Clone + 'a,
{
    fn from(pick: PickList<'a, T, L, V, Message>) -> Self {
        Element::new(ChoiceKeys {
            content: pick.list.into(),
            choices: pick.choices,
            selected: pick.shown,
            id: pick.id,
        })
    }
}

/// A pick list with keys; see the module's comment.
pub struct ChoiceKeys<'a, Message> {
    content: Element<'a, Message>,
    /// Each choice's words (for a letter typed) and the message that picks it, in list order.
    choices: Vec<(String, Message)>,
    /// The choice shown now.
    selected: Option<usize>,
    id: Option<Id>,
}

/// Whether the field has the focus.
#[derive(Debug, Default, Clone, Copy)]
struct State {
    focused: bool,
}

impl Focusable for State {
    fn is_focused(&self) -> bool {
        self.focused
    }

    fn focus(&mut self) {
        self.focused = true;
    }

    fn unfocus(&mut self) {
        self.focused = false;
    }
}

/// `list` (a pick list made from `options`, showing `selected`) reachable by the keyboard:
/// each key picks an option with `on_select`, as a click in its menu does.
pub fn choice_keys<'a, T, Message>(
    list: impl Into<Element<'a, Message>>,
    options: &[T],
    selected: Option<&T>,
    on_select: impl Fn(T) -> Message,
) -> ChoiceKeys<'a, Message>
where
    T: ToString + PartialEq + Clone,
{
    ChoiceKeys {
        content: list.into(),
        choices: options
            .iter()
            .map(|o| (o.to_string(), on_select(o.clone())))
            .collect(),
        selected: selected.and_then(|s| options.iter().position(|o| o == s)),
        id: None,
    }
}

impl<Message> ChoiceKeys<'_, Message> {
    /// Names the field, so an operation can give it the focus.
    pub fn id(mut self, id: &'static str) -> Self {
        self.id = Some(Id::new(id));
        self
    }

    /// The choice a key leads to from the one shown, if any.
    fn target(&self, key: &Key) -> Option<usize> {
        let count = self.choices.len();
        if count == 0 {
            return None;
        }
        let last = count - 1;
        match (key.as_ref(), self.selected) {
            (Key::Named(Named::ArrowDown), None) | (Key::Named(Named::Home), _) => Some(0),
            (Key::Named(Named::ArrowDown), Some(i)) => Some((i + 1).min(last)),
            (Key::Named(Named::ArrowUp), None) | (Key::Named(Named::End), _) => Some(last),
            (Key::Named(Named::ArrowUp), Some(i)) => Some(i.saturating_sub(1)),
            (Key::Character(typed), shown) => {
                let letter = typed.chars().next()?.to_lowercase().collect::<String>();
                // The next choice after the one shown that starts with the letter, round.
                let start = shown.map_or(0, |i| i + 1);
                (0..count)
                    .map(|k| (start + k) % count)
                    .find(|&i| self.choices[i].0.to_lowercase().starts_with(&letter))
            }
            _ => None,
        }
    }
}

impl<Message: Clone> Widget<Message, Theme, Renderer> for ChoiceKeys<'_, Message> {
    fn tag(&self) -> tree::Tag {
        tree::Tag::of::<State>()
    }

    fn state(&self) -> tree::State {
        tree::State::new(State::default())
    }

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
        let state = tree.state.downcast_mut::<State>();
        operation.focusable(self.id.as_ref(), layout.bounds(), state);
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
        // The focus comes from the keyboard (Tab) only, and any click takes it away: a list
        // chosen with the mouse does not keep the letters typed next (T for today, 1 and 2
        // for the views), which would otherwise choose in it.
        if let Event::Mouse(mouse::Event::ButtonPressed(_)) | Event::Touch(_) = event {
            tree.state.downcast_mut::<State>().focused = false;
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
        if shell.is_event_captured() || !tree.state.downcast_ref::<State>().focused {
            return;
        }
        let Event::Keyboard(keyboard::Event::KeyPressed { key, modifiers, .. }) = event else {
            return;
        };
        if modifiers.control() || modifiers.alt() || modifiers.logo() {
            return;
        }
        if let Some(i) = self.target(key) {
            if Some(i) != self.selected {
                shell.publish(self.choices[i].1.clone());
            }
            shell.capture_event();
            shell.request_redraw();
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
        if tree.state.downcast_ref::<State>().focused {
            // The focus ring, in the colour a focused text field's border has.
            use iced_runtime::core::Renderer as _;
            renderer.fill_quad(
                Quad {
                    bounds: layout.bounds(),
                    border: Border {
                        color: theme.extended_palette().primary.strong.color,
                        width: 2.0,
                        radius: 2.0.into(),
                    },
                    ..Quad::default()
                },
                iced::Color::TRANSPARENT,
            );
        }
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

impl<'a, Message: Clone + 'a> From<ChoiceKeys<'a, Message>> for Element<'a, Message> {
    fn from(field: ChoiceKeys<'a, Message>) -> Self {
        Element::new(field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(selected: Option<usize>) -> ChoiceKeys<'static, usize> {
        let names = [
            "Dr. Aisha Khan",
            "Dr. Anjali Rao",
            "Dr. Arjun Iyer",
            "Dr. Zara Bose",
        ];
        let list: Element<'static, usize> = iced::widget::text("list").into();
        let mut keys = choice_keys(list, &names, None, |n: &str| {
            names.iter().position(|m| *m == n).unwrap_or(usize::MAX)
        });
        keys.selected = selected;
        // Words without the common "Dr. " so letters jump as a receptionist reads them.
        for (i, choice) in keys.choices.iter_mut().enumerate() {
            choice.0 = names[i].trim_start_matches("Dr. ").to_owned();
        }
        keys
    }

    fn key(named: Named) -> Key {
        Key::Named(named)
    }

    #[test]
    fn arrows_move_one_choice_and_stop_at_the_ends() {
        assert_eq!(field(None).target(&key(Named::ArrowDown)), Some(0));
        assert_eq!(field(None).target(&key(Named::ArrowUp)), Some(3));
        assert_eq!(field(Some(1)).target(&key(Named::ArrowDown)), Some(2));
        assert_eq!(field(Some(3)).target(&key(Named::ArrowDown)), Some(3));
        assert_eq!(field(Some(0)).target(&key(Named::ArrowUp)), Some(0));
        assert_eq!(field(Some(2)).target(&key(Named::Home)), Some(0));
        assert_eq!(field(Some(0)).target(&key(Named::End)), Some(3));
        assert_eq!(field(Some(0)).target(&key(Named::Tab)), None);
    }

    #[test]
    fn a_letter_goes_round_the_choices_that_start_with_it() {
        let a = Key::Character("a".into());
        assert_eq!(field(None).target(&a), Some(0));
        assert_eq!(field(Some(0)).target(&a), Some(1));
        assert_eq!(field(Some(2)).target(&a), Some(0), "round");
        assert_eq!(field(Some(0)).target(&Key::Character("Z".into())), Some(3));
        assert_eq!(field(Some(0)).target(&Key::Character("q".into())), None);
    }

    #[test]
    fn an_empty_list_has_nothing_to_choose() {
        let list: Element<'static, usize> = iced::widget::text("list").into();
        let keys = choice_keys(list, &[] as &[&str], None, |_| 0usize);
        assert_eq!(keys.target(&key(Named::ArrowDown)), None);
        assert_eq!(keys.target(&Key::Character("a".into())), None);
    }
}
