//! Code rules: authentication and permissions (`webApplicationInfo`, `authorization`).

#[cfg(test)]
mod tests;
