//! A zeroed buffer for the weight tables, backed by 2 MiB transparent huge pages on Linux.
//! Scoring reads rows at random across tens of megabytes; with 4 KiB pages nearly every read
//! also misses the TLB, and huge pages remove most of those page walks.

use std::ops::{Deref, DerefMut};

pub(crate) struct HugeBuf<T: Word> {
    ptr: *mut T,
    len: usize,
    mapping: Option<(*mut u8, usize)>,
    fallback: Vec<T>,
}

/// Element types for which all-zero memory is the value zero.
///
/// # Safety
/// Every all-zero bit pattern must be a valid value of the type.
pub(crate) unsafe trait Word: Copy + Default + Send + Sync + 'static {}
// SAFETY: zero is a valid u8.
unsafe impl Word for u8 {}

// SAFETY: the buffer is uniquely owned memory, like a Vec.
unsafe impl<T: Word> Send for HugeBuf<T> {}
// SAFETY: shared access is read-only through `Deref`.
unsafe impl<T: Word> Sync for HugeBuf<T> {}

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

impl<T: Word> HugeBuf<T> {
    pub(crate) fn zeroed(len: usize) -> HugeBuf<T> {
        let bytes = len * std::mem::size_of::<T>();
        #[cfg(target_os = "linux")]
        if bytes >= HUGE {
            let total = bytes + HUGE;
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
                // SAFETY: `aligned..aligned + bytes` lies inside the mapping; madvise is a hint.
                unsafe {
                    sys::madvise(
                        aligned as *mut u8,
                        bytes.div_ceil(HUGE) * HUGE,
                        sys::MADV_HUGEPAGE,
                    );
                }
                return HugeBuf {
                    ptr: aligned as *mut T,
                    len,
                    mapping: Some((base, total)),
                    fallback: Vec::new(),
                };
            }
        }
        let mut fallback = vec![T::default(); len];
        HugeBuf {
            ptr: fallback.as_mut_ptr(),
            len,
            mapping: None,
            fallback,
        }
    }
}

impl<T: Word> Deref for HugeBuf<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        if self.mapping.is_none() {
            return &self.fallback;
        }
        // SAFETY: `ptr` points to `len` zero-initialised `T` inside a live mapping.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl<T: Word> DerefMut for HugeBuf<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        if self.mapping.is_none() {
            return &mut self.fallback;
        }
        // SAFETY: as in `deref`, and `&mut self` makes the access unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl<T: Word> Clone for HugeBuf<T> {
    fn clone(&self) -> HugeBuf<T> {
        let mut copy = HugeBuf::zeroed(self.len);
        copy.copy_from_slice(self);
        copy
    }
}

impl<T: Word> Drop for HugeBuf<T> {
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
