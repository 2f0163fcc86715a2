// cad-031-rodend: rod_end stock (turned edges), label +Z
// features: +Z counterbore; +Z hole; +Z hole; -Y flat; -Z countersink; -Z slot; -Z circular pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=32348.386 pz=177814.270 mz=115440.750
// margin: label blind 177814.270 >= 1.50 x 115440.750 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([30.45, -3.75, 175.49], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	rod_z(58.07, 668.04);
	face([0, 0, 668.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.29, -11.13, 0]) cbore(12.82, 71.69, 7.26, 362.07);  // +Z 84748.861
	face([0, 0, 668.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-22.06, 28.43, 0]) hole(5.71, 266.78);  // +Z 27213.721
	face([0, 0, 668.04], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-36.78, 3.02, 0]) hole(7.86, 340.69);  // +Z 65851.689
	translate([-59.07, -59.07, 207.57]) cube([118.14, 9.54, 94.30]);  // -Y 32348.386
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([41.17, -0.23, 0]) csink(8.75, 4.04, 4.71, 193.75);  // -Z 10283.260
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-8.94, -14.36, 0]) slot(29.41, 6.63, 151.64);  // -Z 79990.719
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-6.08, -40.51, 0]) hole(8.71, 106.03);  // -Z 25166.772
}
