// cad-049-rodflat: rod_flat stock (turned edges), label -Z
// features: -Z flat; +Y countersink; -Y pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=3779.882 my=6978.211 pz=0.000 mz=1024349.179
// margin: label blind 1024349.179 >= 1.50 x 6978.211 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-76.50, -17.04, 189.79], [[0, 1, 0], [1, 0, 0], [0, 0, -1]])
part() {
	rod_x(60.40, 241.51);
	translate([-1.00, -61.40, 12.24]) cube([243.51, 122.80, 61.40]);  // -Z 1024349.179
	face([241.51, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([-2.38, -23.71, 0]) csink(8.84, 4.52, 4.32, 53.69);  // +Y 3779.882
	face([0, 0, 0], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([1.44, 12.77, 0]) pocket2(22.75, 18.26, 1.39, 13.57, 8.95, 9.16, 3.25, 18.74, -2.30, 2.14);  // -Y 6978.211
}
