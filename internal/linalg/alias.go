package linalg

import "unsafe"

// overlaps reports whether the elements of a and b share memory.
func overlaps(a, b []float64) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	pa := uintptr(unsafe.Pointer(unsafe.SliceData(a)))
	pb := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	const sz = unsafe.Sizeof(float64(0))
	return pa < pb+uintptr(len(b))*sz && pb < pa+uintptr(len(a))*sz
}
