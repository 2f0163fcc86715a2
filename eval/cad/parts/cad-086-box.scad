// cad-086-box: box stock (sharp edges), label -Z
// features: -Z pocket; -Z hole; -Z pocket in pocket; -Z pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=23062.730
// margin: label blind 23062.730 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([224.06, 5.77, -156.88], [[1, 0, 0], [0, -1, 0], [0, 0, -1]])
part() {
	box([88.22, 41.44, 62.67]);
	face([0, 0, 62.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([26.95, 18.66, 0]) pocket(18.85, 19.14, 0.00, 38.26);  // -Z 13803.787
	face([0, 0, 62.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([82.68, 15.78, 0]) hole(1.74, 19.63);  // -Z 184.585
	face([0, 0, 62.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([68.46, 5.69, 0]) pocket2(20.61, 7.03, 2.09, 8.14, 11.93, 2.69, 0.26, 5.73, -1.71, 1.04);  // -Z 1331.136
	face([0, 0, 62.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([61.21, 22.57, 0]) pocket(17.89, 20.96, 0.00, 20.65);  // -Z 7743.221
}
