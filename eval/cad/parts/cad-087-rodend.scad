// cad-087-rodend: rod_end stock (turned edges), label -Y
// features: -Y 4 holes; -Y circular pocket; -Y hole; +X flat
// removed mm^3: px=232.791 mx=0.000 py=0.000 my=1133.552 pz=0.000 mz=0.000
// margin: label blind 1133.552 >= 1.50 x 232.791 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([48.11, -151.03, -0.18], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	rod_z(14.03, 89.98);
	face([0, 0, 89.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.32, 7.42, 0]) { translate([-2.41, -3.13, 0]) hole(0.68, 50.21); translate([-2.41, 3.13, 0]) hole(0.68, 50.21); translate([2.41, -3.13, 0]) hole(0.68, 50.21); translate([2.41, 3.13, 0]) hole(0.68, 50.21); };  // -Y 290.556
	face([0, 0, 89.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-2.83, -1.87, 0]) hole(4.04, 12.64);  // -Y 645.464
	face([0, 0, 89.98], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.18, -8.84, 0]) hole(1.31, 36.79);  // -Y 197.531
	translate([-15.03, -15.03, 25.04]) cube([2.40, 30.06, 20.88]);  // +X 232.791
}
