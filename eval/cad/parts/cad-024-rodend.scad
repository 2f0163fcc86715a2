// cad-024-rodend: rod_end stock (turned edges), label +Z
// features: +Z pocket in pocket; +Z counterbore; +Y flat; -Z hole; -Z countersink
// removed mm^3: px=0.000 mx=0.000 py=12.634 my=0.000 pz=264.518 mz=4.262
// margin: label blind 264.518 >= 1.50 x 12.634 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([2.08, -27.67, 68.60], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	rod_z(6.05, 40.02);
	face([0, 0, 40.02], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-1.09, -0.75, 0]) pocket2(3.38, 5.58, 0.28, 9.78, 1.56, 2.15, 0.10, 12.24, 0.26, -0.26);  // +Z 224.727
	face([0, 0, 40.02], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.49, 1.21, 0]) cbore(1.29, 4.54, 0.76, 13.53);  // +Z 39.791
	translate([-7.05, 5.44, 6.43]) cube([14.10, 1.61, 6.09]);  // +Y 12.634
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([2.53, -0.41, 0]) hole(0.28, 6.68);  // -Z 1.635
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-0.87, 1.83, 0]) csink(0.67, 0.36, 0.31, 6.15);  // -Z 2.627
}
