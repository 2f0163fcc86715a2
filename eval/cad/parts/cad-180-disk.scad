// cad-180-disk: disk stock (turned edges), label +Y
// features: +Y 4 holes; +Y slot; +Y circular pocket; +X flat; -Y counterbore; -Y pocket
// removed mm^3: px=31.561 mx=0.000 py=886.870 my=112.536 pz=0.000 mz=0.000
// margin: label blind 886.870 >= 1.50 x 112.536 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([51.72, -8.48, 135.04], [[1, 0, 0], [0, 0, 1], [0, -1, 0]])
part() {
	rod_z(20.86, 23.78);
	face([0, 0, 23.78], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.51, 0.38, 0]) { translate([-5.00, 0.00, 0]) hole(0.79, 10.75); translate([-1.67, 0.00, 0]) hole(0.79, 10.75); translate([1.67, 0.00, 0]) hole(0.79, 10.75); translate([5.00, 0.00, 0]) hole(0.79, 10.75); };  // +Y 82.929
	face([0, 0, 23.78], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.63, -10.50, 0]) slot(10.02, 1.13, 3.72);  // +Y 98.919
	face([0, 0, 23.78], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.61, 8.79, 0]) hole(3.90, 15.00);  // +Y 705.022
	translate([19.73, -21.86, 5.48]) cube([2.13, 43.72, 3.94]);  // +X 31.561
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-0.64, -7.76, 0]) cbore(3.93, 0.92, 1.79, 3.42);  // -Y 68.662
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([3.67, 0.59, 0]) pocket(2.70, 3.45, 0.00, 4.71);  // -Y 43.874
}
