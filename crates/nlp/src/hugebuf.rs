//! A zeroed buffer for the weight tables, backed by 2 MiB transparent huge pages on Linux.
//! Scoring reads rows at random across tens of megabytes; with 4 KiB pages nearly every read
//! also misses the TLB, and huge pages remove most of those page walks.

use std::ops::{Deref, DerefMut};

pub(crate) struct HugeBuf {
    ptr: *mut u8,
    len: usize,
    mapping: Option<(*mut u8, usize)>,
    fallback: Vec<u8>,
}

// SAFETY: the buffer is uniquely owned memory, like a Vec.
unsafe impl Send for HugeBuf {}
// SAFETY: shared access is read-only through `Deref`.
unsafe impl Sync for HugeBuf {}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const HUGE: usize = 2 << 20;

#[cfg(target_os = "linux")]
mod sys {
    unsafe extern "C" {
        pub fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64)
        -> *mut u8;
        pub fn munmap(addr: *mut u8, len: usize) -> i32;
        pub fn madvise(addr: *mut u8, len: usize, advice: i32) -> i32;
    }
    pub const PROT_READ_WRITE: i32 = 1 | 2;
    pub const MAP_PRIVATE_ANONYMOUS: i32 = 0x02 | 0x20;
    pub const MADV_HUGEPAGE: i32 = 14;
}

impl HugeBuf {
    /// `len` zero bytes.
    pub(crate) fn zeroed(len: usize) -> HugeBuf {
        #[cfg(target_os = "linux")]
        if len >= HUGE {
            let total = len + HUGE;
            // SAFETY: an anonymous private mapping; checked for failure before use.
            let base = unsafe {
                sys::mmap(
                    std::ptr::null_mut(),
                    total,
                    sys::PROT_READ_WRITE,
                    sys::MAP_PRIVATE_ANONYMOUS,
                    -1,
                    0,
                )
            };
            if !base.is_null() && base as isize != -1 {
                let aligned = (base as usize).div_ceil(HUGE) * HUGE;
                // SAFETY: `aligned..aligned + len` lies inside the mapping; madvise is a hint.
                unsafe {
                    sys::madvise(
                        aligned as *mut u8,
                        len.div_ceil(HUGE) * HUGE,
                        sys::MADV_HUGEPAGE,
                    );
                }
                return HugeBuf {
                    ptr: aligned as *mut u8,
                    len,
                    mapping: Some((base, total)),
                    fallback: Vec::new(),
                };
            }
        }
        let mut fallback = vec![0u8; len];
        HugeBuf {
            ptr: fallback.as_mut_ptr(),
            len,
            mapping: None,
            fallback,
        }
    }
}

impl Deref for HugeBuf {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        if self.mapping.is_none() {
            return &self.fallback;
        }
        // SAFETY: `ptr` points to `len` zero-initialised bytes inside a live mapping.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl DerefMut for HugeBuf {
    fn deref_mut(&mut self) -> &mut [u8] {
        if self.mapping.is_none() {
            return &mut self.fallback;
        }
        // SAFETY: as in `deref`, and `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl Clone for HugeBuf {
    fn clone(&self) -> HugeBuf {
        let mut copy = HugeBuf::zeroed(self.len);
        copy.copy_from_slice(self);
        copy
    }
}

impl Drop for HugeBuf {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        if let Some((base, total)) = self.mapping {
            // SAFETY: unmapping exactly the mapping made in `zeroed`.
            unsafe {
                sys::munmap(base, total);
            }
        }
    }
}
