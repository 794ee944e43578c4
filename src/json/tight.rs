//! Parsing a package file into a `serde_json::Value` without spare capacity.
//!
//! `serde_json`'s own `Value` deserializer grows every object and array one insertion at a
//! time: a map of 3,000 members ends with room for 4,096 and has rehashed its index a dozen
//! times on the way, and the peak holds both the old and the new buffer of every growth. A
//! 6 MB OpenAPI description became about 22 MB of member vectors that way. Here each object's
//! members are first gathered in a scratch vector reused from one object to the next (one per
//! nesting level), then moved into a map allocated at its final size; arrays are shrunk to
//! their length when they end. The value is the same `Value`, member for member and in the
//! same order: a repeated key keeps its first position and its last value, as in `serde_json`
//! (`Map::insert`), and numbers go through the same `Number` constructors.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Parses `text` as one JSON value, with `serde_json`'s grammar, errors and recursion limit.
pub fn from_str(text: &str) -> serde_json::Result<Value> {
    let mut scratch = Vec::new();
    with_seed(
        text,
        Tight {
            scratch: &mut scratch,
        },
    )
}

/// Parses the whole of `text` as one JSON value with `seed`, with `serde_json`'s grammar,
/// errors and recursion limit (the schema loader's pruned parse uses it too).
pub(crate) fn with_seed<'de, S: DeserializeSeed<'de>>(
    text: &'de str,
    seed: S,
) -> serde_json::Result<S::Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = seed.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Members gathered for the objects being parsed, one vector per nesting level.
type Scratch = Vec<Vec<(String, Value)>>;

/// A seed that parses one value, reusing the scratch vectors.
struct Tight<'s> {
    scratch: &'s mut Scratch,
}

impl<'de> DeserializeSeed<'de> for Tight<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tight<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        self.deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Tight {
            scratch: &mut *self.scratch,
        })? {
            items.push(item);
        }
        items.shrink_to_fit();
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = self.scratch.pop().unwrap_or_default();
        let result = (|| {
            while let Some(key) = map.next_key::<String>()? {
                let value = map.next_value_seed(Tight {
                    scratch: &mut *self.scratch,
                })?;
                members.push((key, value));
            }
            Ok(())
        })();
        // `drain` reports its exact length, so the map is allocated once at its final size.
        let object: Map<String, Value> = members.drain(..).collect();
        self.scratch.push(members);
        result.map(|()| Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same value as `serde_json` builds, member order included.
    fn same(text: &str) {
        let ours = from_str(text).expect("parses");
        let theirs: Value = serde_json::from_str(text).expect("parses");
        assert_eq!(ours, theirs, "{text}");
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&theirs).unwrap(),
            "order of {text}"
        );
    }

    #[test]
    fn values_equal_serde_json() {
        for text in [
            r#"{"b":1,"a":[1,-2,3.5,1e300,18446744073709551615,-9223372036854775808],"c":{"z":null,"y":true,"x":"é\u00e9"}}"#,
            r#"[]"#,
            r#"{}"#,
            r#"[[],[{}],[{"a":[{"b":{}}]}]]"#,
            r#""just a string""#,
            "  12  ",
            // Repeated keys: the first position, the last value.
            r#"{"k":1,"j":2,"k":{"x":[3]},"i":0,"k":4}"#,
            r#"{"a":{"a":{"a":1,"a":2},"b":3},"a":{"c":4}}"#,
        ] {
            same(text);
        }
    }

    #[test]
    fn maps_and_arrays_hold_no_spare_capacity() {
        let members: Vec<String> = (0..100)
            .map(|i| format!("\"k{i}\":[{i},{i},{i}]"))
            .collect();
        let text = format!("{{{}}}", members.join(","));
        let Value::Object(map) = from_str(&text).unwrap() else {
            panic!("an object")
        };
        assert_eq!(map.len(), 100);
        for value in map.values() {
            let Value::Array(items) = value else {
                panic!("an array")
            };
            assert_eq!(items.capacity(), 3);
        }
    }

    #[test]
    fn errors_equal_serde_json() {
        for text in [
            "",
            "{",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            "[1,2",
            "[1] x",
            "nul",
            "[1e400]",
            &format!("{}{}", "[".repeat(200), "]".repeat(200)),
        ] {
            let ours = from_str(text).expect_err("an error").to_string();
            let theirs = serde_json::from_str::<Value>(text)
                .expect_err("an error")
                .to_string();
            assert_eq!(ours, theirs, "{text}");
        }
    }
}
