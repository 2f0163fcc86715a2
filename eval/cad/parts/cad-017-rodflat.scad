// cad-017-rodflat: rod_flat stock (turned edges), label -Z
// features: -Z flat; +Z flat; -Y hole; -Y countersink; +Y counterbore
// removed mm^3: px=0.000 mx=0.000 py=29.393 my=60.503 pz=391.800 mz=4140.759
// margin: label blind 4140.759 >= 1.50 x 391.800 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-1.81, -24.33, 129.55], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	rod_x(13.88, 69.61);
	translate([3.26, -14.88, 7.24]) cube([39.03, 29.76, 14.88]);  // -Z 4140.759
	translate([45.02, -14.88, -14.88]) cube([13.66, 29.76, 3.80]);  // +Z 391.800
	face([69.61, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-1.90, 11.28, 0]) hole(0.68, 12.11);  // -Y 17.143
	face([69.61, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([1.19, 2.94, 0]) csink(1.46, 0.83, 0.63, 19.96);  // -Y 43.360
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([-5.77, -4.87, 0]) cbore(1.53, 2.12, 0.74, 10.59);  // +Y 29.393
}
