//! The values the store writes and reads, the same on every engine: whole numbers, reals,
//! text, bytes (UUIDs are 16 bytes) and NULL. Each engine turns them into its own types.

use uuid::Uuid;

use super::{Error, Result};

/// One value as the store hands it to an engine or gets it back, borrowed where it can be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    /// SQL NULL.
    Null,
    /// A whole number (also booleans, as 0 and 1).
    Integer(i64),
    /// A real number.
    Real(f64),
    /// Text.
    Text(&'a str),
    /// Bytes (a UUID is its 16 bytes).
    Blob(&'a [u8]),
}

/// A value read from one engine and kept, to be written to another (copying a database).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Owned {
    /// SQL NULL.
    Null,
    /// A whole number.
    Integer(i64),
    /// A real number.
    Real(f64),
    /// Text.
    Text(String),
    /// Bytes.
    Blob(Vec<u8>),
}

impl Owned {
    /// The value kept.
    pub(crate) fn of(value: Value<'_>) -> Self {
        match value {
            Value::Null => Owned::Null,
            Value::Integer(n) => Owned::Integer(n),
            Value::Real(x) => Owned::Real(x),
            Value::Text(s) => Owned::Text(s.to_owned()),
            Value::Blob(b) => Owned::Blob(b.to_vec()),
        }
    }
}

impl ToValue for Owned {
    fn to_value(&self) -> Value<'_> {
        match self {
            Owned::Null => Value::Null,
            Owned::Integer(n) => Value::Integer(*n),
            Owned::Real(x) => Value::Real(*x),
            Owned::Text(s) => Value::Text(s),
            Owned::Blob(b) => Value::Blob(b),
        }
    }
}

/// A Rust value the store can write as a parameter.
pub(crate) trait ToValue {
    /// The value as written.
    fn to_value(&self) -> Value<'_>;
}

macro_rules! whole_number {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value<'_> {
                // A number past i64 cannot be stored as a whole number: it is written as the
                // largest one, which every range check then refuses.
                Value::Integer(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
whole_number!(i64, i32, i16, i8, u64, u32, u16, u8, usize);

impl ToValue for bool {
    fn to_value(&self) -> Value<'_> {
        Value::Integer(i64::from(*self))
    }
}

impl ToValue for f64 {
    fn to_value(&self) -> Value<'_> {
        Value::Real(*self)
    }
}

impl ToValue for str {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToValue for String {
    fn to_value(&self) -> Value<'_> {
        Value::Text(self)
    }
}

impl ToValue for [u8] {
    fn to_value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value<'_> {
        Value::Blob(self)
    }
}

impl ToValue for Uuid {
    fn to_value(&self) -> Value<'_> {
        Value::Blob(self.as_bytes())
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value<'_> {
        match self {
            Some(v) => v.to_value(),
            None => Value::Null,
        }
    }
}

impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
}

impl<T: ToValue + ?Sized> ToValue for Box<T> {
    fn to_value(&self) -> Value<'_> {
        (**self).to_value()
    }
}

/// A Rust value the store can read from a column.
pub(crate) trait FromValue: Sized {
    /// Reads `value`, found in column `column`.
    fn from_value(column: usize, value: Value<'_>) -> Result<Self>;
}

fn mismatch<T>(column: usize, want: &str, got: Value<'_>) -> Result<T> {
    let kind = match got {
        Value::Null => "NULL",
        Value::Integer(_) => "a whole number",
        Value::Real(_) => "a real number",
        Value::Text(_) => "text",
        Value::Blob(_) => "bytes",
    };
    Err(Error::Conversion {
        column,
        what: format!("{want} expected, {kind} found"),
    })
}

impl FromValue for i64 {
    fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
        match value {
            Value::Integer(n) => Ok(n),
            other => mismatch(column, "a whole number", other),
        }
    }
}

macro_rules! narrow_number {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
                let n = i64::from_value(column, value)?;
                <$t>::try_from(n).map_err(|_| Error::Conversion {
                    column,
                    what: format!("{n} is out of range for {}", stringify!($t)),
                })
            }
        }
    )*};
}
narrow_number!(i32, i16, i8, u64, u32, u16, u8, usize);

impl FromValue for bool {
    fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
        Ok(i64::from_value(column, value)? != 0)
    }
}

impl FromValue for f64 {
    fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
        match value {
            Value::Real(x) => Ok(x),
            // Whole numbers read as reals as SQLite does (an average of whole numbers).
            Value::Integer(n) => Ok(n as f64),
            other => mismatch(column, "a number", other),
        }
    }
}

impl FromValue for String {
    fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
        match value {
            Value::Text(s) => Ok(s.to_owned()),
            other => mismatch(column, "text", other),
        }
    }
}

impl FromValue for Vec<u8> {
    fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
        match value {
            Value::Blob(b) => Ok(b.to_vec()),
            other => mismatch(column, "bytes", other),
        }
    }
}

impl FromValue for Uuid {
    fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
        match value {
            Value::Blob(b) => Uuid::from_slice(b).map_err(|_| Error::Conversion {
                column,
                what: format!("an id of {} bytes", b.len()),
            }),
            other => mismatch(column, "an id", other),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(column: usize, value: Value<'_>) -> Result<Self> {
        match value {
            Value::Null => Ok(None),
            other => T::from_value(column, other).map(Some),
        }
    }
}

/// The parameters of one statement.
pub(crate) trait Params {
    /// The parameters in order.
    fn values(&self) -> Vec<&dyn ToValue>;
}

impl<T: ToValue> Params for [T] {
    fn values(&self) -> Vec<&dyn ToValue> {
        self.iter().map(|v| v as &dyn ToValue).collect()
    }
}

impl<T: ToValue, const N: usize> Params for [T; N] {
    fn values(&self) -> Vec<&dyn ToValue> {
        self.iter().map(|v| v as &dyn ToValue).collect()
    }
}

impl<T: ToValue> Params for Vec<T> {
    fn values(&self) -> Vec<&dyn ToValue> {
        self.iter().map(|v| v as &dyn ToValue).collect()
    }
}

impl<T: Params + ?Sized> Params for &T {
    fn values(&self) -> Vec<&dyn ToValue> {
        (**self).values()
    }
}

/// `params![a, b, c]`: the parameters of a statement, in order.
macro_rules! params {
    () => { &[] as &[&dyn $crate::store::sql::ToValue] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::store::sql::ToValue),+] as &[&dyn $crate::store::sql::ToValue] };
}
pub(crate) use params;
