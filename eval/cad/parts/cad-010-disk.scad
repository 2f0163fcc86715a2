// cad-010-disk: disk stock (turned edges), label -X
// features: -X rounded pocket; -X pocket; +Z flat; +X 6 holes; +X countersink; +X counterbore
// removed mm^3: px=4866.617 mx=55798.239 py=0.000 my=0.000 pz=2238.340 mz=0.000
// margin: label blind 55798.239 >= 1.50 x 4866.617 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-56.61, -36.55, 174.29], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	rod_z(96.42, 56.24);
	face([0, 0, 56.24], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.62, 0.31, 0]) pocket(86.83, 37.49, 12.92, 9.48);  // -X 29420.062
	face([0, 0, 56.24], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-21.40, -60.48, 0]) pocket(26.45, 39.78, 0.00, 25.07);  // -X 26378.178
	translate([91.18, -97.42, 18.08]) cube([6.24, 194.84, 13.00]);  // +Z 2238.340
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([15.42, -12.47, 0]) { translate([28.35, 0.00, 0]) hole(3.86, 10.83); translate([14.17, 24.55, 0]) hole(3.86, 10.83); translate([-14.17, 24.55, 0]) hole(3.86, 10.83); translate([-28.35, 0.00, 0]) hole(3.86, 10.83); translate([-14.17, -24.55, 0]) hole(3.86, 10.83); translate([14.17, -24.55, 0]) hole(3.86, 10.83); };  // +X 2991.828
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([11.83, 44.56, 0]) csink(4.82, 2.48, 2.34, 13.54);  // +X 312.499
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-36.19, 9.71, 0]) cbore(8.84, 3.99, 4.13, 15.35);  // +X 1562.289
}
