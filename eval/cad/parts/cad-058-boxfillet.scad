// cad-058-boxfillet: box_fillet stock (fillet edges), label -Z
// features: -Z circular pocket; -Z countersink; -Z hole; -Z pocket; -Z countersink
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=9410.520
// margin: label blind 9410.520 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-20.40, 21.05, 77.90], [[1, 0, 0], [0, -1, 0], [0, 0, -1]])
part() {
	box_fillet([62.56, 41.77, 68.21], 3.18, 12);
	face([0, 0, 68.21], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([32.39, 15.31, 0]) hole(7.53, 33.93);  // -Z 5975.184
	face([0, 0, 68.21], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([49.64, 24.26, 0]) csink(2.43, 1.21, 1.22, 34.25);  // -Z 163.216
	face([0, 0, 68.21], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([25.69, 29.75, 0]) hole(0.73, 39.37);  // -Z 65.161
	face([0, 0, 68.21], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.16, 20.70, 0]) pocket(6.64, 14.89, 0.00, 30.19);  // -Z 2984.873
	face([0, 0, 68.21], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([11.30, 32.22, 0]) csink(2.80, 1.59, 1.21, 27.13);  // -Z 222.085
}
