// cad-166-boxvfillet: box_vfillet stock (vfillet edges), label -Z
// features: -Z pocket; -Z rounded pocket; -Y rounded pocket; +Z circular pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=9.661 pz=8.115 mz=127.175
// margin: label blind 127.175 >= 1.50 x 9.661 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-13.98, 46.28, 5.62], [[0, 1, 0], [1, 0, 0], [0, 0, -1]])
part() {
	box_vfillet([9.32, 19.75, 19.95], 1.59);
	face([0, 0, 19.95], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.97, 7.24, 0]) pocket(2.85, 2.98, 0.00, 11.28);  // -Z 95.801
	face([0, 0, 19.95], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.81, 16.54, 0]) pocket(4.97, 2.18, 0.71, 3.02);  // -Z 31.374
	face([0, 0, 19.95], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([7.45, 3.30, 0]) pocket(2.83, 2.00, 0.86, 1.93);  // -Y 9.661
	face([0, 19.75, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([5.66, 9.78, 0]) hole(0.76, 4.51);  // +Z 8.115
}
